package raftlab.harness.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** raftlab detect reads seeds and durations as every command does. */
class DetectArgumentsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int detect(String... args) {
        CommandLine cli = new CommandLine(new DetectCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aBadSeedOrDurationIsOneSentence() {
        assertEquals(254, detect("--first-seed", "0xg"));
        assertTrue(err.toString().startsWith("error: '0xg' is not a seed"), err.toString());
        assertEquals(254, detect("--check-time-limit", "10 parsecs"));
        assertEquals(254, detect("--check-time-limit", "0"));
    }

    @Test
    void aScheduleForAnotherClusterSizeIsRefusedBeforeAnyRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("five.edn");
        java.nio.file.Files.writeString(file, "{:nodes 5 :entries [{:after :ok-write :fault :kill :targets :all :for \"300ms\"}]}");
        assertEquals(254, detect("--bug", "forget-vote", "--runs", "1", "--schedule", file.toString()), "forget-vote's recipe runs 3 nodes");
        assertTrue(err.toString().contains("the schedule is for 5 nodes and this test has 3"), err.toString());
        assertEquals("", out.toString(), "no table: nothing ran");
    }

    @Test
    void aHexadecimalSeedAndADurationWork() {
        assertEquals(0, detect("--bug", "stale-reads", "--runs", "1", "--first-seed", "0x1", "--check-time-limit", "5s", "--stop-at-first"),
                out + "\n" + err);
        assertTrue(out.toString().contains("stale-reads"), out.toString());
    }
}
