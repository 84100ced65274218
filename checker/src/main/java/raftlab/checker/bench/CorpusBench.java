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
 * Checks every history of a corpus folder against its EXPECTED.tsv, model by model: one pass to
 * warm the JVM up, then three measured passes, each history reporting its median. The milliseconds are the check
 * alone (as Porcupine's column times CheckEvents alone), histories already read, explanations of
 * invalid histories included. A verdict that differs from the expected one in any pass counts.
 */
public final class CorpusBench {
    public record Measured(ExpectedTsv.Row row, int ops, Validity got, double ms) {
        public boolean matches() { return got == row.expected(); }
    }

    static final int MEASURED_PASSES = 3;

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
        // Each model's histories are warmed up and measured together, one model after another, so
        // that one model's run does not leave the JIT tuned for another's while it is measured.
        double[][] times = new double[histories.size()][MEASURED_PASSES];
        Validity[] got = new Validity[histories.size()];
        Map<String, List<Integer>> byModel = new java.util.LinkedHashMap<>();
        Map<String, Double> cpuMs = new java.util.HashMap<>();
        for (int i = 0; i < histories.size(); i++) byModel.computeIfAbsent(tsv.rows().get(i).model(), k -> new ArrayList<>()).add(i);
        for (List<Integer> group : byModel.values()) {
            for (int i : group) Checker.check(histories.get(i), models.get(i), options); // warm-up pass
            long cpuStart = processCpuNanos();
            // then three measured passes; each history's median, as the reference columns were taken
            for (int pass = 0; pass < MEASURED_PASSES; pass++) {
                for (int i : group) {
                    long start = System.nanoTime();
                    CheckResult result = Checker.check(histories.get(i), models.get(i), options);
                    times[i][pass] = (System.nanoTime() - start) / 1e6;
                    if (got[i] == null || result.validity() != tsv.rows().get(i).expected()) got[i] = result.validity();
                }
            }
            cpuMs.put(tsv.rows().get(group.get(0)).model(), (processCpuNanos() - cpuStart) / 1e6 / MEASURED_PASSES);
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            java.util.Arrays.sort(times[i]);
            measured.add(new Measured(tsv.rows().get(i), invocations(histories.get(i)), got[i], times[i][MEASURED_PASSES / 2]));
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
            out.printf(Locale.ROOT, "total %-18s %4d histories, %4d match, %10.3f ms, cpu %.0f ms per pass%s%n", e.getKey(), (int) t[0], (int) t[1], t[2],
                    cpuMs.getOrDefault(e.getKey(), Double.NaN),
                    tsv.referenceColumn() == null ? "" : String.format(Locale.ROOT, " (%s: %.3f ms)", tsv.referenceColumn(), t[3]));
        }
        out.printf("%s: %d of %d verdicts match%n", allMatch ? "ok" : "FAILED", measured.stream().filter(Measured::matches).count(), measured.size());
        out.flush();
        return allMatch;
    }

    /** CPU time of the whole process (every thread, the JIT and GC too); on a busy machine it says more than wall time. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
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
