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
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;

/** {@code --seeds A..B}: the same options under many seeds; a line per failing seed and a summary. */
final class SeedCampaign {
    private SeedCampaign() {}

    private record Outcome(SimResult result, CheckResult verdict) {}

    static int run(SimOptions base, long from, long to, int jobs, PrintWriter out) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (long seed = from; seed <= to; seed++) {
            SimOptions options = base.toBuilder().seed(seed).traceFile(null).explain(false).build();
            futures.add(pool.submit(() -> {
                SimResult r = Simulation.run(options);
                return new Outcome(r, Linearizability.check(r, Duration.ofSeconds(10)));
            }));
        }
        int violated = 0, invalid = 0, unknown = 0, unchecked = 0;
        long events = 0;
        try {
            for (Future<Outcome> f : futures) {
                Outcome o = f.get(); // in seed order, so the output does not depend on scheduling
                SimResult r = o.result();
                events += r.stats().events();
                if (r.violated()) {
                    violated++;
                    out.println("seed " + SimOptions.seedText(r.options().seed()) + ": " + r.violations().get(0));
                    out.println("  reproduce with: " + r.reproduceCommand());
                } else if (Linearizability.invalid(o.verdict())) {
                    invalid++;
                    out.println("seed " + SimOptions.seedText(r.options().seed()) + ": history is not linearizable");
                    out.println("  reproduce with: " + r.reproduceCommand());
                } else if (o.verdict() == null) {
                    unchecked++;
                } else if (o.verdict().validity() == raftlab.checker.Validity.UNKNOWN) {
                    unknown++;
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
        out.printf(Locale.ROOT, "%d seeds (%s..%s): %d violated an invariant, %d not linearizable, %d unknown%s; %,d events in %.1f s%n",
                count, SimOptions.seedText(from), SimOptions.seedText(to), violated, invalid, unknown,
                unchecked > 0 ? ", " + unchecked + " not checked" : "", events, wall);
        return violated + invalid > 0 ? 1 : 0;
    }
}
