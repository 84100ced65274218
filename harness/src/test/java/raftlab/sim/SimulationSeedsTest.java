package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The safety campaign of issue 2: 500 seeds, 5 nodes, 10 simulated seconds each, with random partitions,
 * crashes, pauses, drops, duplicates, reordering and clock drift; no invariant may be violated, and after the
 * heal every run must commit a write (liveness).
 */
class SimulationSeedsTest {
    static final int SEEDS = 500;

    @Test
    void fiveHundredRandomFaultSchedulesViolateNothing() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<SimResult>> runs = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            SimOptions options = SimOptions.builder().seed(seed).nodeCount(5).timeLimitMicros(10_000_000)
                    .scenario(Scenario.RANDOM).build();
            runs.add(pool.submit(() -> Simulation.run(options)));
        }
        List<String> failures = new ArrayList<>();
        long events = 0, crashes = 0, partitions = 0, dropped = 0, duplicated = 0, ok = 0;
        try {
            for (Future<SimResult> f : runs) {
                SimResult r = f.get();
                events += r.stats().events();
                crashes += r.stats().crashes();
                partitions += r.stats().partitions();
                dropped += r.stats().messagesDropped();
                duplicated += r.stats().messagesDuplicated();
                ok += r.stats().opsOk();
                if (r.violated()) failures.add(r.violations().get(0) + "\n  reproduce with: " + r.reproduceCommand());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%d seeds, %,d events, %d crashes, %d partitions, %,d dropped, %,d duplicated, %,d ok operations in %.1f s%n",
                SEEDS, events, crashes, partitions, dropped, duplicated, ok, (System.nanoTime() - start) / 1e9);
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + SEEDS + " seeds failed:\n" + String.join("\n", failures));
        // The schedule must really have injected every kind of fault, or the campaign proves nothing.
        assertTrue(crashes > SEEDS && partitions > SEEDS && dropped > 0 && duplicated > 0 && ok > SEEDS * 100L,
                "faults injected: crashes " + crashes + ", partitions " + partitions + ", dropped " + dropped + ", ok " + ok);
    }
}
