package raftlab.checker.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.Validity;
import raftlab.checker.model.Models;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The large-history benchmark: a seeded single-key register history from
 * {@link RegisterHistoryGenerator} (20 processes, 1% of writes :info), checked with the
 * {@code register} model. Run it with {@code -Xmx2g} to see it fit in a 2 GiB heap.
 */
public final class RegisterBench {
    public static final int PROCESSES = 20;
    public static final double INFO_FRACTION = 0.01;

    private RegisterBench() {}

    public static Validity run(long seed, int operations, CheckOptions options, PrintWriter out) {
        long genStart = System.nanoTime();
        List<Op> history = RegisterHistoryGenerator.generate(seed, operations, PROCESSES, INFO_FRACTION);
        double genMs = (System.nanoTime() - genStart) / 1e6;
        long info = history.stream().filter(o -> o.type() == OpType.INFO).count();
        CheckResult result = Checker.check(history, Models.byName("register"), options);
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "register bench: seed %d, %d ops (%d events, %d info writes), %d processes; generated in %.0f ms%n",
                seed, operations, history.size(), info, PROCESSES, genMs);
        out.printf(Locale.ROOT, "verdict %s, %d configurations, checked in %.0f ms, heap max %d MiB, heap used now %d MiB%n",
                result.validity(), result.keys().get(0).statesExplored(), result.elapsedNanos() / 1e6,
                rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (result.keys().get(0).unknownReason() != null) out.println("unknown: " + result.keys().get(0).unknownReason());
        if (result.firstFailure() != null) out.println("invalid: " + result.firstFailure().explanation());
        out.flush();
        return result.validity();
    }
}
