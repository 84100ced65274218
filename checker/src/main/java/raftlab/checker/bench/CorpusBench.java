package raftlab.checker.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.Validity;
import raftlab.checker.model.Model;
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/**
 * Checks every history of a corpus folder against its EXPECTED.tsv, once to warm the JVM up and
 * once measured. The milliseconds are the check alone (as Porcupine's column times CheckEvents
 * alone), histories already read.
 */
public final class CorpusBench {
    public record Measured(ExpectedTsv.Row row, int ops, Validity got, double ms) {
        public boolean matches() { return got == row.expected(); }
    }

    private CorpusBench() {}

    /** Runs the bench and prints one row per history, then totals per model; true when every verdict matches. */
    public static boolean run(Path dir, CheckOptions options, PrintWriter out) throws IOException {
        ExpectedTsv tsv = ExpectedTsv.read(dir);
        List<List<Op>> histories = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        for (ExpectedTsv.Row row : tsv.rows()) {
            histories.add(HistoryReader.read(row.file()));
            models.add(CorpusModels.model(row.model(), row.initial()));
        }
        for (int i = 0; i < histories.size(); i++) Checker.check(histories.get(i), models.get(i), options); // warm-up pass
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            long start = System.nanoTime();
            CheckResult result = Checker.check(histories.get(i), models.get(i), options);
            double ms = (System.nanoTime() - start) / 1e6;
            measured.add(new Measured(tsv.rows().get(i), invocations(histories.get(i)), result.validity(), ms));
        }
        out.printf("%-48s %7s %-13s %-13s %10s%n", "file", "ops", "expected", "got", "ms");
        for (Measured m : measured) {
            out.printf(Locale.ROOT, "%-48s %7d %-13s %-13s %10.3f%s%n", tsv.dir().relativize(m.row().file()), m.ops(),
                    word(m.row().expected()), word(m.got()), m.ms(), m.matches() ? "" : "   MISMATCH");
        }
        Map<String, double[]> totals = new TreeMap<>(); // model -> histories, matches, ms, reference ms
        for (Measured m : measured) {
            double[] t = totals.computeIfAbsent(m.row().model(), k -> new double[4]);
            t[0]++;
            if (m.matches()) t[1]++;
            t[2] += m.ms();
            t[3] += Double.isNaN(m.row().referenceMs()) ? 0 : m.row().referenceMs();
        }
        boolean allMatch = measured.stream().allMatch(Measured::matches);
        for (Map.Entry<String, double[]> e : totals.entrySet()) {
            double[] t = e.getValue();
            out.printf(Locale.ROOT, "total %-18s %4d histories, %4d match, %10.3f ms%s%n", e.getKey(), (int) t[0], (int) t[1], t[2],
                    tsv.referenceColumn() == null ? "" : String.format(Locale.ROOT, " (%s: %.3f ms)", tsv.referenceColumn(), t[3]));
        }
        out.printf("%s: %d of %d verdicts match%n", allMatch ? "ok" : "FAILED", measured.stream().filter(Measured::matches).count(), measured.size());
        out.flush();
        return allMatch;
    }

    static String word(Validity v) {
        return switch (v) {
            case VALID -> "linearizable";
            case INVALID -> "not";
            case UNKNOWN -> "unknown";
        };
    }

    private static int invocations(List<Op> history) {
        int n = 0;
        for (Op op : history) if (op.isInvoke() && !op.isNemesis()) n++;
        return n;
    }
}
