package raftlab.harness.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.checker.report.Reports;
import raftlab.harness.runner.RunRecord;
import raftlab.history.HistoryWriter;
import raftlab.history.Op;

/** Writes a finished run into its directory: history, verdict, the checker's pictures, and the charts. */
public final class RunReport {
    private static final Logger LOG = Logger.getLogger(RunReport.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {}

    public static void writeTestJson(Path dir, Map<String, Object> test) throws IOException {
        JSON.writeValue(dir.resolve("test.json").toFile(), test);
    }

    public static void writeHistory(Path dir, List<Op> history) throws IOException {
        HistoryWriter.writeEdn(history, dir.resolve("history.edn"));
        HistoryWriter.writeJsonl(history, dir.resolve("history.jsonl"));
    }

    /** results.*, timeline.html and linear.svg (from the checker's report writer), latency-raw.png and rate.png. */
    public static void writeResults(Path dir, List<Op> history, List<RunRecord.FaultWindow> windows, Verdict verdict,
                                    Map<String, Object> extra) throws IOException {
        if (verdict.check() != null) {
            try {
                Reports.writeAll(verdict.check(), history, dir);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the checker's report writer failed; results.json is written without its part", e);
            }
        }
        ResultsWriter.write(dir, verdict, extra);
        try {
            Charts.latencyRaw(history, windows, dir.resolve("latency-raw.png"));
            Charts.rate(history, windows, dir.resolve("rate.png"));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not draw the charts", e);
        }
        writeRunPage(dir);
    }

    /** index.html: the run page that opens from the file system (the same page {@code raftlab serve} shows). */
    public static void writeRunPage(Path dir) {
        try {
            raftlab.harness.serve.RunPage.writeStatic(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the run page index.html", e);
        }
    }
}
