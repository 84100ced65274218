package raftlab.sim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.Failure;
import raftlab.checker.Validity;
import raftlab.checker.model.Models;
import raftlab.history.HistoryWriter;
import raftlab.sim.SimResult;

/** The simulated history, judged by the checker under the register model, and written out for later analysis. */
final class Linearizability {
    private Linearizability() {}

    /** The verdict, or null when the checker cannot judge yet. */
    static CheckResult check(SimResult result, Duration limit) {
        try {
            return Checker.check(result.history(), Models.byName("register"), CheckOptions.defaults().withTimeLimit(limit).withThreads(1));
        } catch (UnsupportedOperationException notYet) {
            return null;
        }
    }

    static String describe(CheckResult verdict) {
        if (verdict == null) return "linearizability: not checked (the checker cannot judge histories yet)";
        String text = "linearizability: " + switch (verdict.validity()) {
            case VALID -> "valid";
            case INVALID -> "INVALID";
            case UNKNOWN -> "unknown";
        } + String.format(java.util.Locale.ROOT, " (%d ok, %d fail, %d info; checked in %.2f s)", verdict.counts().ok(),
                verdict.counts().fail(), verdict.counts().info(), verdict.elapsedNanos() / 1e9);
        Failure failure = verdict.firstFailure();
        if (failure != null) text += System.lineSeparator() + failure.explanation();
        return text;
    }

    static int exitCode(CheckResult verdict) { return verdict == null ? 0 : verdict.validity().exitCode(); }

    static boolean invalid(CheckResult verdict) { return verdict != null && verdict.validity() == Validity.INVALID; }

    static void write(SimResult result, Path dir) {
        try {
            Files.createDirectories(dir);
            HistoryWriter.writeEdn(result.history(), dir.resolve("history.edn"));
            HistoryWriter.writeJsonl(result.history(), dir.resolve("history.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + dir, e);
        }
    }
}
