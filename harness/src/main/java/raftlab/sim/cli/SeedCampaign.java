package raftlab.sim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import raftlab.checker.CheckResult;
import raftlab.conventions.ExitCodes;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;

/** {@code --seeds A..B}: the same options under many seeds; a line per failing seed and a summary. */
final class SeedCampaign {
    private SeedCampaign() {}

    /** What a seed's run leaves for the summary; its history is kept only when it must be written out. */
    private record Outcome(SimResult result, CheckResult verdict) {
        static Outcome slim(SimResult r, CheckResult verdict, boolean keepHistory) {
            boolean failed = r.violated() || Linearizability.invalid(verdict);
            if (failed && keepHistory) return new Outcome(r, verdict);
            return new Outcome(new SimResult(r.options(), List.of(), r.violations(), r.stats(), List.of(), r.livenessMicros(), null), verdict);
        }
    }

    /** With {@code historyDir}, each failing seed's history goes to {@code historyDir/seed-0x../}. */
    static int run(SimOptions base, long from, long to, int jobs, java.nio.file.Path historyDir, PrintWriter out) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (long seed = from; seed <= to; seed++) {
            SimOptions options = base.toBuilder().seed(seed).traceFile(null).explain(false).build();
            futures.add(pool.submit(() -> {
                SimResult r = Simulation.run(options);
                return Outcome.slim(r, Linearizability.check(r, Duration.ofSeconds(10)), historyDir != null);
            }));
        }
        int violated = 0, invalid = 0, unknown = 0, unchecked = 0;
        long events = 0;
        try {
            for (Future<Outcome> f : futures) {
                Outcome o = f.get(); // in seed order, so the output does not depend on scheduling
                SimResult r = o.result();
                events += r.stats().events();
                // A seed can do both: a broken invariant does not keep its history from being counted as not linearizable.
                if (r.violated()) {
                    violated++;
                    out.println("seed " + SimOptions.seedText(r.options().seed()) + ": " + r.violations().get(0));
                }
                if (Linearizability.invalid(o.verdict())) {
                    invalid++;
                    out.println("seed " + SimOptions.seedText(r.options().seed()) + ": history is not linearizable");
                }
                if (r.violated() || Linearizability.invalid(o.verdict())) {
                    out.println("  reproduce with: " + r.reproduceCommand());
                } else if (o.verdict() == null) {
                    unchecked++;
                } else if (o.verdict().validity() == raftlab.checker.Validity.UNKNOWN) {
                    unknown++;
                }
                if ((r.violated() || Linearizability.invalid(o.verdict())) && historyDir != null) {
                    java.nio.file.Path dir = historyDir.resolve("seed-" + SimOptions.seedText(r.options().seed()));
                    Linearizability.write(r, dir);
                    out.println("  history: " + dir);
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulation crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long count = to - from + 1;
        double wall = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d seeds (%s..%s): %d violated an invariant%s, %d not linearizable, %d unknown%s; %,d events in %.1f s%n",
                count, SimOptions.seedText(from), SimOptions.seedText(to), violated, base.bugs().any() && violated > 0 ? " (bug switches on)" : "",
                invalid, unknown,
                unchecked > 0 ? ", " + unchecked + " not checked" : "", events, wall);
        return violated + invalid > 0 ? ExitCodes.INVALID : ExitCodes.VALID;
    }
}
