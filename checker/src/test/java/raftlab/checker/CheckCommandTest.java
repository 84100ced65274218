package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftlab.checker.cli.CheckMain;
import raftlab.checker.cli.Durations;

class CheckCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CheckMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path history(String text) throws Exception {
        Path p = dir.resolve("history.edn");
        Files.writeString(p, text);
        return p;
    }

    private static final String STALE_READ = """
            {:index 0, :time 1000000, :type :invoke, :process 0, :f :write, :value 1}
            {:index 1, :time 2000000, :type :ok, :process 0, :f :write, :value 1}
            {:index 2, :time 3000000, :type :invoke, :process 1, :f :write, :value 2}
            {:index 3, :time 4000000, :type :ok, :process 1, :f :write, :value 2}
            {:index 4, :time 5000000, :type :invoke, :process 0, :f :read, :value nil}
            {:index 5, :time 6000000, :type :ok, :process 0, :f :read, :value 1}
            """;

    /** Writes 1 twice, so that the fast path for unique values leaves it to the search, whose bounds are tested. */
    private static final String STALE_READ_REPEATED_VALUES = STALE_READ + """
            {:index 6, :time 7000000, :type :invoke, :process 1, :f :write, :value 1}
            {:index 7, :time 8000000, :type :ok, :process 1, :f :write, :value 1}
            """;

    @Test
    void validHistoryExitsZero() throws Exception {
        Path h = history("{:index 0, :type :invoke, :process 0, :f :write, :value 1}\n{:index 1, :type :ok, :process 0, :f :write, :value 1}\n");
        assertEquals(0, run(h.toString()), err.toString());
        assertTrue(out.toString().contains("valid"), out.toString());
    }

    @Test
    void staleReadExitsOneWithAnExplanationAndReports() throws Exception {
        Path h = history(STALE_READ);
        Path reports = dir.resolve("out");
        assertEquals(1, run("--out", reports.toString(), h.toString()), err.toString());
        assertTrue(out.toString().contains("read returned 1, but write 2 (process 1) began at 0.003000 s, after write 1 (process 0) completed at 0.002000 s, and completed at 0.004000 s, before this read began at 0.005000 s; only write 1 (process 0) ever wrote 1."), out.toString());
        assertTrue(Files.readString(reports.resolve("results.edn")).startsWith("{:valid? false"));
        assertTrue(Files.readString(reports.resolve("results.edn")).contains(":witness {:index 3, :time 4000000, :type :ok, :process 1, :f :write, :value 2}"),
                Files.readString(reports.resolve("results.edn")));
        assertTrue(Files.readString(reports.resolve("results.json")).startsWith("{\"valid?\": false"));
        String svg = Files.readString(reports.resolve("linear.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("green: ok; orange: failed but ran; grey: crashed"), svg);
        assertTrue(svg.contains("<title>write 2 (the witness)") && svg.contains("stroke=\"#1f5fbf\" stroke-width=\"3\""), svg);
        assertTrue(Files.readString(reports.resolve("timeline.html")).contains("Not linearizable"));
    }

    @Test
    void jsonGoesToStandardOutput() throws Exception {
        assertEquals(1, run("--json", history(STALE_READ).toString()));
        assertTrue(out.toString().startsWith("{\"valid?\": false, \"model\": \"register\""), out.toString());
    }

    @Test
    void timeLimitGivesUnknownExitTwo() throws Exception {
        assertEquals(2, run("--time-limit", "0ms", "--model", "register", history(STALE_READ_REPEATED_VALUES).toString()), out + "" + err);
    }

    @Test
    void memoryBoundGivesUnknownExitTwo() throws Exception {
        assertEquals(2, run("--memory-limit", "1k", history(STALE_READ_REPEATED_VALUES).toString()), out + "" + err);
        assertTrue(out.toString().contains("memory bound"), out.toString());
    }

    @Test
    void malformedLineExits254WithOneSentence() throws Exception {
        Path h = history("{:index 0, :type :invoke, :process 0, :f :write, :value 1}\n{:index 1, :type :ok, :process 0 :f\n");
        assertEquals(254, run(h.toString()));
        String e = err.toString().strip();
        assertTrue(e.startsWith("error: " + h + " line 2: "), e);
        assertFalse(e.contains("\tat "), e);
        assertEquals(1, e.lines().count(), e);
    }

    @Test
    void badArgumentsExit254() throws Exception {
        assertEquals(254, run("--time-limit", "soon", history(STALE_READ).toString()));
        assertTrue(err.toString().startsWith("error: 'soon' is not a duration"), err.toString());
        assertEquals(254, run("--model", "queue", history(STALE_READ).toString()));
        assertEquals(254, run(dir.resolve("missing.edn").toString()));
        assertEquals(254, run("--no-such-option"));
        assertEquals(254, run());
    }

    @Test
    void durationsTakeUnitsAndBareSeconds() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofSeconds(7), Durations.parse("7"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("10 parsecs"));
        assertEquals(2L << 30, Durations.parseBytes("2g"));
    }
}
