package raftlab.checker.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.KeyResult;
import raftlab.checker.Validity;
import raftlab.checker.model.Models;
import raftlab.history.HistoryReader;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.history.ValueText;

/**
 * The register benchmark: the histories on which a search explodes, checked with the
 * {@code register} model. Generated ones come from {@link RegisterHistoryGenerator} with a seed,
 * 1% of writes crashed and half of those taking effect after their client gave up:
 * <ul>
 * <li>the simulator's 0x1d history from the repository's own corpus (when it is found);</li>
 * <li>20,000 operations, 10 processes, with one read changed to return a value overwritten
 *     before it began: invalid;</li>
 * <li>100,000 operations, 20 processes: valid;</li>
 * <li>1,000,000 operations, 50 processes, over 1,000 keys: valid.</li>
 * </ul>
 * Prints a table and one JSON line: wall and process CPU milliseconds of each check (the CPU time,
 * every thread included, says more on a shared machine). Run it with {@code -Xmx3g} for the last one.
 */
public final class RegisterBench {
    public static final double INFO_FRACTION = 0.01;
    public static final double LATE_FRACTION = 0.5;
    static final String CORPUS_0X1D = "checker/src/test/resources/corpus/raftlab/sim-0x1d-history.edn";

    /** One row: what was checked, what it should be, what it was. */
    public record Row(String name, long operations, long info, Validity expected, Validity got, double ms, double cpuMs,
                      long configurations, String note) {}

    private RegisterBench() {}

    /**
     * Generates, checks and prints every history; when {@code dir} is not null, writes each
     * history and its reports into a subdirectory of it. Valid when every verdict is the expected one.
     */
    public static Validity run(long seed, CheckOptions options, PrintWriter out, Path dir) throws IOException {
        List<Row> rows = new ArrayList<>();
        Path sim = locate(CORPUS_0X1D);
        if (sim != null) rows.add(measure("sim-0x1d", HistoryReader.read(sim), Validity.VALID, options, dir));
        else out.println("(the 0x1d history " + CORPUS_0X1D + " was not found from here or RAFTLAB_HOME; its row is left out)");
        List<Op> stale = new ArrayList<>(RegisterHistoryGenerator.generate(seed, 20_000, 10, INFO_FRACTION, LATE_FRACTION, 1));
        long planted = StaleReads.plantLate(stale, new SplittableRandom(seed));
        Row staleRow = measure("stale-read-20k", stale, Validity.INVALID, options, dir);
        rows.add(new Row(staleRow.name(), staleRow.operations(), staleRow.info(), staleRow.expected(), staleRow.got(), staleRow.ms(),
                staleRow.cpuMs(), staleRow.configurations(), "stale read planted at index " + planted + "; " + staleRow.note()));
        rows.add(measure("valid-100k", RegisterHistoryGenerator.generate(seed, 100_000, 20, INFO_FRACTION, LATE_FRACTION, 1), Validity.VALID, options, dir));
        rows.add(measure("keys-1000-1m", RegisterHistoryGenerator.generate(seed, 1_000_000, 50, INFO_FRACTION, LATE_FRACTION, 1000), Validity.VALID, options, dir));

        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "register bench: seed %d, fast path %s, heap max %d MiB%n", seed, options.fastPath() ? "on" : "off", rt.maxMemory() >> 20);
        out.printf(Locale.ROOT, "%-16s %9s %6s %-8s %-8s %10s %10s %14s%n", "history", "ops", "info", "expected", "got", "ms", "cpu ms", "configurations");
        boolean allMatch = true;
        List<Object> json = new ArrayList<>();
        for (Row r : rows) {
            boolean match = r.got() == r.expected();
            allMatch &= match;
            out.printf(Locale.ROOT, "%-16s %9d %6d %-8s %-8s %10.0f %10.0f %14d%s%n", r.name(), r.operations(), r.info(), word(r.expected()), word(r.got()),
                    r.ms(), r.cpuMs(), r.configurations(), match ? "" : "   MISMATCH");
            if (!r.note().isEmpty()) out.println("  " + r.note());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("history", r.name());
            m.put("ops", r.operations());
            m.put("info", r.info());
            m.put("expected", word(r.expected()));
            m.put("got", word(r.got()));
            m.put("ms", Math.round(r.ms()));
            m.put("cpu-ms", Math.round(r.cpuMs()));
            m.put("configurations", r.configurations());
            json.add(m);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("bench", "register");
        line.put("seed", seed);
        line.put("fast-path", options.fastPath());
        line.put("heap-max-mib", rt.maxMemory() >> 20);
        line.put("rows", json);
        out.println(ValueText.json(line));
        out.flush();
        return allMatch ? Validity.VALID : Validity.INVALID;
    }

    private static Row measure(String name, List<Op> history, Validity expected, CheckOptions options, Path dir) throws IOException {
        long start = System.nanoTime();
        long cpuStart = CorpusBench.processCpuNanos();
        CheckResult result = Checker.check(history, Models.byName("register"), options);
        double ms = (System.nanoTime() - start) / 1e6;
        double cpuMs = (CorpusBench.processCpuNanos() - cpuStart) / 1e6;
        long configurations = 0;
        String note = "";
        for (KeyResult k : result.keys()) {
            configurations += k.statesExplored();
            if (k.unknownReason() != null && note.isEmpty()) note = "unknown: " + k.unknownReason();
        }
        if (result.firstFailure() != null) note = "invalid: " + result.firstFailure().explanation();
        long info = history.stream().filter(o -> o.type() == OpType.INFO && !o.isNemesis()).count();
        long ops = history.stream().filter(o -> o.isInvoke() && !o.isNemesis()).count();
        if (dir != null) {
            Path sub = dir.resolve(name);
            Files.createDirectories(sub);
            raftlab.history.HistoryWriter.writeEdn(history, sub.resolve("history.edn"));
            raftlab.checker.report.Reports.writeAll(result, history, sub);
        }
        return new Row(name, ops, info, expected, result.validity(), ms, cpuMs, configurations, note);
    }

    /** A repository file, from the working directory, its parents, or RAFTLAB_HOME. */
    static Path locate(String relative) {
        List<Path> roots = new ArrayList<>();
        String home = System.getenv("RAFTLAB_HOME");
        if (home != null && !home.isBlank()) roots.add(Path.of(home));
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) roots.add(d);
        for (Path root : roots) {
            Path p = root.resolve(relative);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private static String word(Validity v) {
        return switch (v) {
            case VALID -> "valid";
            case INVALID -> "invalid";
            case UNKNOWN -> "unknown";
        };
    }
}
