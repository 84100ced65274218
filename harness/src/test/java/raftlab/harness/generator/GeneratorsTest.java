package raftlab.harness.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import raftlab.harness.runner.Seeds;
import raftlab.harness.workload.Workload;

class GeneratorsTest {
    /** Asks a worker's generator repeatedly at times a fake clock advances by {@code stepNanos}; records what it gives. */
    static List<String> drive(Generator generator, long seed, int thread, int concurrency, long stepNanos, int asks) {
        SplittableRandom random = Seeds.stream(seed, 1, thread);
        List<String> out = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < asks; i++) {
            Step step = generator.next(new Context(now, thread, concurrency, random));
            if (step instanceof Step.Done) { out.add("done"); break; }
            if (step instanceof Step.Wait w) { out.add("wait " + w.untilNanos()); now = Math.max(now + stepNanos, Math.min(w.untilNanos(), now + 1_000_000_000L)); continue; }
            out.add(((Step.Emit) step).op().toString());
            now += stepNanos;
        }
        return out;
    }

    @Test void sameSeedGivesTheSameOperationsForEveryWorker() {
        for (String name : Workload.NAMES) {
            for (int thread = 0; thread < 4; thread++) {
                Workload a = Workload.byName(name, 10);
                Workload b = Workload.byName(name, 10);
                Generator ga = Generators.timeLimit(5_000_000_000L, Generators.rate(100, a.clientOps().forThread(thread)));
                Generator gb = Generators.timeLimit(5_000_000_000L, Generators.rate(100, b.clientOps().forThread(thread)));
                List<String> first = drive(ga, 42, thread, 10, 1_000_000, 20_000);
                List<String> second = drive(gb, 42, thread, 10, 1_000_000, 20_000);
                assertEquals(first, second, "workload " + name + " thread " + thread + " differs for seed 42");
                assertTrue(first.size() > 20, "too few steps: " + first.size());
            }
        }
    }

    @Test void differentSeedsGiveDifferentOperations() {
        Workload w = Workload.byName("register", 5);
        List<String> a = drive(w.clientOps().forThread(0), 1, 0, 5, 1000, 200);
        List<String> b = drive(Workload.byName("register", 5).clientOps().forThread(0), 2, 0, 5, 1000, 200);
        assertNotEquals(a, b);
    }

    @Test void timeLimitEndsTheGeneratorAtItsDeadline() {
        Generator g = Generators.timeLimit(1_000, Generators.repeat(OpSpec.register("read", null)));
        List<String> steps = drive(g, 7, 0, 1, 300, 100);
        // Asked at 0, 300, 600, 900: four operations, then done at 1200.
        assertEquals(5, steps.size(), steps.toString());
        assertEquals("done", steps.get(4));
    }

    @Test void staggerApproachesTheRequestedRate() {
        // Ten workers at 1000 ops/s in total: each worker about 100 ops/s, so about 1000 ops in 10 s.
        Generator g = Generators.timeLimit(10_000_000_000L, Generators.rate(1000, Generators.repeat(OpSpec.register("read", null))));
        List<String> steps = drive(g, 3, 0, 10, 100_000, 10_000_000);
        long emitted = steps.stream().filter(s -> s.startsWith("OpSpec")).count();
        assertTrue(emitted > 850 && emitted < 1150, "expected about 1000 operations, got " + emitted + " (seed 3)");
    }

    @Test void phasesRunInOrderAndLimitCounts() {
        Generator g = Generators.then(List.of(Generators.limit(2, Generators.repeat(OpSpec.register("write", 1L))),
                Generators.once(OpSpec.register("read", null))));
        List<String> steps = drive(g, 1, 0, 1, 1, 10);
        assertEquals(List.of("OpSpec[f=write, key=r, argument=1, value=1]", "OpSpec[f=write, key=r, argument=1, value=1]",
                "OpSpec[f=read, key=r, argument=null, value=null]", "done"), steps);
    }

    @Test void writtenValuesAreUniqueAcrossWorkers() {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int thread = 0; thread < 8; thread++) {
            Generator g = Workload.byName("register", 8).clientOps().forThread(thread);
            SplittableRandom random = Seeds.stream(9, 1, thread);
            for (int i = 0; i < 2000; i++) {
                OpSpec op = ((Step.Emit) g.next(new Context(i, thread, 8, random))).op();
                Object written = op.f().equals("write") ? op.value() : op.f().equals("cas") ? ((List<?>) op.value()).get(1) : null;
                if (written != null) assertTrue(seen.add(written), "value " + written + " written twice (seed 9)");
            }
        }
    }
}
