package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Jepsen's SSH flags parse into options, and wrong ones are refused with a sentence that says what to do. */
class SshFlagsTest {
    @TempDir Path tmp;

    @Command(name = "t")
    static final class Holder {
        @Mixin SshFlags ssh;
    }

    private static SshOptions parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.ssh.toOptions(false);
    }

    @Test
    void theVagrantNodesFileGivesFiveHostsWithDefaults() throws Exception {
        Path nodes = Path.of("..", "vagrant", "nodes");
        SshOptions o = parse("--nodes-file", nodes.toString());
        assertEquals(List.of("192.168.56.11", "192.168.56.12", "192.168.56.13", "192.168.56.14", "192.168.56.15"), o.hosts());
        assertEquals("root", o.username());
        assertEquals(ClockMode.SYSTEM, o.clockMode());
        assertEquals(false, o.strictHostKeys());
    }

    @Test
    void everyFlagIsRead() throws Exception {
        Path key = Files.writeString(tmp.resolve("key"), "not checked here");
        SshOptions o = parse("--nodes", "a,b,c:2222", "--username", "admin", "--password", "pw", "--ssh-private-key", key.toString(),
                "--strict-host-key-checking", "--clock-mode", "faketime");
        assertEquals(List.of("a", "b", "c:2222"), o.hosts());
        assertEquals("admin", o.username());
        assertEquals("pw", o.password().orElseThrow());
        assertEquals(key, o.privateKey().orElseThrow());
        assertTrue(o.strictHostKeys());
        assertEquals(ClockMode.FAKETIME, o.clockMode());
    }

    @Test
    void wrongFlagsAreRefusedWithAdvice() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "a,b")).getMessage().contains("at least 3 hosts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "a,b,c", "--nodes-file", "x")).getMessage().contains("not both"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "a,b,c", "--clock-mode", "ntp")).getMessage().contains("faketime"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--nodes", "a,b,c", "--ssh-private-key", tmp.resolve("none").toString()))
                .getMessage().contains("cannot read the SSH private key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("--nodes-file", tmp.resolve("none").toString()))
                .getMessage().contains("cannot read the nodes file"));
    }
}
