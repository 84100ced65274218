package raftlab.checker.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import raftlab.checker.CheckResult;
import raftlab.history.Op;

/** Writes a check's results into a run's directory. */
public final class Reports {
    private Reports() {}

    /** results.edn, results.json, timeline.html, and linear.svg when invalid. */
    public static void writeAll(CheckResult result, List<Op> history, Path dir) throws IOException {
        throw new UnsupportedOperationException("reports are being built");
    }
}
