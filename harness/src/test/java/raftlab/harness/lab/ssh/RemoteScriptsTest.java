package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the ssh lab that need no host: quoting (run through a real sh), offsets, nodes files. */
class RemoteScriptsTest {
    @TempDir Path tmp;

    private static String sh(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @Test
    void quotedWordsComeBackUnchanged() throws Exception {
        for (String word : List.of("plain", "", "two words", "it's", "$HOME", "a\"b", "`id`", "x;y|z", "back\\slash")) {
            assertEquals(word + "\n", sh("printf '%s\\n' " + Shell.quote(word)), "word " + word);
        }
    }

    @Test
    void faketimeOffsetsAreSignedSecondsWithMillis() {
        assertEquals("+120.000", RemoteScripts.faketimeSpec(Duration.ofSeconds(120)));
        assertEquals("-60.500", RemoteScripts.faketimeSpec(Duration.ofMillis(-60_500)));
        assertEquals("+0.000", RemoteScripts.faketimeSpec(Duration.ZERO));
    }

    @Test
    void theFaketimeFileIsReplacedWhole() throws Exception {
        sh(RemoteScripts.faketimeOffset(tmp.toString(), Duration.ofMillis(-1_250)));
        assertEquals("-1.250\n", Files.readString(tmp.resolve("faketime")));
        assertTrue(Files.notExists(tmp.resolve("faketime.tmp")));
    }

    @Test
    void systemClockScriptSetsTheRequestedInstant() {
        assertEquals("date -u -s @1700000000.042 >/dev/null", RemoteScripts.setSystemClock(1_700_000_000_042L));
    }

    @Test
    void aStalePidFileIsNeverSignalled() throws Exception {
        // The pid file names this very shell's parent, which is not a node: status must say "not running".
        Files.writeString(tmp.resolve("node.pid"), ProcessHandle.current().pid() + "\n");
        assertEquals("1", sh(RemoteScripts.status(tmp.toString()) + "echo $?").strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("", sh(RemoteScripts.signal(tmp.toString(), "KILL", Duration.ofMillis(200))).strip());
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void signallingNoNodeLetsTheScriptGoOn() throws Exception {
        assertEquals("after", sh("set -e\n" + RemoteScripts.signal(tmp.toString(), "KILL", Duration.ofMillis(200)) + "echo after").strip());
    }

    @Test
    void nodesFilesSkipCommentsAndBlanks() {
        assertEquals(List.of("10.0.0.1", "n2:2222"), NodesFile.parse(List.of("# lab", "10.0.0.1", "", "  n2:2222  # second")));
        assertThrows(IllegalArgumentException.class, () -> NodesFile.read(tmp.resolve("missing")));
    }

    @Test
    void clockModesParse() {
        assertEquals(ClockMode.FAKETIME, ClockMode.parse("faketime"));
        assertEquals(ClockMode.SYSTEM, ClockMode.parse("System"));
        assertThrows(IllegalArgumentException.class, () -> ClockMode.parse("ntp"));
    }
}
