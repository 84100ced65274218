package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;
import raftlab.node.cli.SecretFiles;

/** The ssh lab's tokens: files on the command line, never values; kept for later commands in owner-only files. */
class SshLabTokensTest {
    private static final String CLIENT = "client-token-0123456789abcdef";
    private static final String ADMIN = "admin-token-0123456789abcdef";

    @TempDir Path dir;

    private static SshLab lab() {
        return new SshLab(SshOptions.of(List.of("10.72.0.1", "10.72.0.2", "10.72.0.3")), new NodeBinary(Path.of("raft-node.jar"), "raftlab.node.cli.RaftNodeMain"), List.of(), List.of());
    }

    @Test void theNodesAreGivenTheirTokensAsFilesOnly() {
        List<String> args = lab().nodeArgs("n2");
        int client = args.indexOf("--client-token-file");
        int admin = args.indexOf("--admin-token-file");
        assertTrue(client >= 0 && admin >= 0, args.toString());
        assertTrue(args.get(client + 1).endsWith("/n2/secrets/client-token"), args.toString());
        assertTrue(args.get(admin + 1).endsWith("/n2/secrets/admin-token"), args.toString());
        assertFalse(args.contains("--admin-token"), "ps shows a token given as a value to every user: " + args);
    }

    @Test void aLabAdoptedByALaterCommandReachesTheNodesWithTheTokensItsUpKept() throws Exception {
        Path kept = dir.resolve("kept");
        Files.createDirectories(kept);
        SecretFiles.write(kept.resolve("client-token"), CLIENT);
        SecretFiles.write(kept.resolve("admin-token"), ADMIN);
        SshLab later = lab();
        later.adoptTokens(kept);
        for (LabNode node : later.nodes()) assertEquals(CLIENT, node.clientToken());
        assertEquals(ADMIN, later.adminToken());
        assertFalse(later.nodes().toString().contains(CLIENT), "nodes are logged without their token");

        Path again = dir.resolve("again");
        later.saveTokens(again);
        for (String name : SshLab.tokenFileNames()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.resolve(name))), name);
        }
        assertEquals(CLIENT, SecretFiles.read(SshLab.clientTokenFile(again), "client token"));
    }

    @Test void withoutKeptTokensTheNodesAreAskedWithoutOneAndAdminCallsAreRefused() {
        SshLab later = lab();
        later.adoptTokens(dir.resolve("nothing-here"));
        assertNull(later.nodes().get(0).clientToken());
        assertThrows(LabException.class, later::adminToken);
    }
}
