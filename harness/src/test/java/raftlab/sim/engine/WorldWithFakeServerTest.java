package raftlab.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.sim.Faults;
import raftlab.sim.SimListener;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Violation;

/** The simulator's own machinery (event loop, network, disks, clients, history, invariants), driven by a small fake core. */
class WorldWithFakeServerTest {
    private static SimResult run(SimOptions options, boolean secondLeader) {
        ServerFactory fake = (id, config, random, bugs, restored) -> new FixedLeaderServer(id, config.initialVoters(), restored, secondLeader);
        return new World(options, fake, SimListener.NONE).run();
    }

    private static SimOptions.Builder options(long seed) {
        return SimOptions.builder().seed(seed).nodeCount(5).timeLimitMicros(3_000_000).traceDigest(true);
    }

    @Test
    void healthyRunCompletesOperationsWithoutViolations() {
        SimResult r = run(options(7).build(), false);
        assertTrue(r.violations().isEmpty(), () -> "seed 0x7: " + r.violations());
        assertTrue(r.stats().opsOk() > 300, () -> "too few operations succeeded: " + r.stats());
        assertTrue(r.livenessMicros() >= 0, "a write committed after the heal");
        assertEveryInvocationCompletesOnce(r.history());
        assertEquals(5, r.cluster().size());
        assertEquals("leader", r.cluster().get(0).role());
    }

    @Test
    void sameSeedSameTraceOtherSeedOtherTrace() {
        SimOptions o = options(42).faults(Faults.NONE.withDrop(0.05).withDuplicate(0.05).withReorder(true).withPartitions(true)
                .withPauses(true).withClockDrift(true)).build();
        SimResult a = run(o, false);
        SimResult b = run(o, false);
        assertNotNull(a.traceDigest());
        assertEquals(a.traceDigest(), b.traceDigest(), "seed 0x2a: the same options must give the same trace");
        assertEquals(a.history(), b.history());
        SimResult c = run(o.toBuilder().seed(43).build(), false);
        assertNotEquals(a.traceDigest(), c.traceDigest());
    }

    @Test
    void faultsAreInjectedAndHistoryStaysWellFormed() {
        SimOptions o = options(3).faults(Faults.NONE.withDrop(0.05).withDuplicate(0.05).withPartitions(true).withCrashes(true)
                .withPauses(true)).build();
        SimResult r = run(o, false);
        assertTrue(r.violations().isEmpty(), () -> "seed 0x3: " + r.violations());
        assertTrue(r.stats().messagesDropped() > 0 && r.stats().messagesDuplicated() > 0, () -> r.stats().toString());
        assertTrue(r.history().stream().anyMatch(Op::isNemesis), "nemesis operations are recorded");
        assertEveryInvocationCompletesOnce(r.history());
    }

    @Test
    void twoLeadersInOneTermAreCaughtWithAReproduction() {
        SimResult r = run(options(9).build(), true);
        assertEquals(1, r.violations().size());
        assertEquals(Violation.Invariant.ELECTION_SAFETY, r.violations().get(0).invariant());
        assertTrue(r.reproduceCommand().startsWith("raftlab sim --seed 0x9 --node-count 5"), r.reproduceCommand());
    }

    @Test
    void traceFileIsJsonLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.jsonl");
        SimResult r = run(options(5).timeLimitMicros(500_000).traceFile(file).build(), false);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.size() > 100, "trace has " + lines.size() + " lines");
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"t\":") && l.endsWith("}")));
        assertTrue(lines.get(lines.size() - 1).contains("\"ev\":\"end\""));
        assertTrue(r.violations().isEmpty());
    }

    static void assertEveryInvocationCompletesOnce(List<Op> history) {
        Map<Long, Op> open = new HashMap<>();
        long lastIndex = -1;
        long lastTime = -1;
        for (Op op : history) {
            assertTrue(op.index() > lastIndex && op.time() >= lastTime, "indexes and times rise: " + op);
            lastIndex = op.index();
            lastTime = op.time();
            if (op.isNemesis()) continue;
            if (op.type() == OpType.INVOKE) {
                assertTrue(open.put(op.process(), op) == null, "a process has one operation at a time: " + op);
            } else {
                Op invoke = open.remove(op.process());
                assertNotNull(invoke, "completion without invocation: " + op);
                assertEquals(invoke.f(), op.f());
            }
        }
        assertTrue(open.isEmpty(), "operations left open: " + open.values());
    }
}
