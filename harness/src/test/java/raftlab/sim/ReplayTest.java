package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** Same seed, same options: the same event trace, byte for byte (compared by SHA-256), and the same history. */
class ReplayTest {
    private static SimResult run(SimOptions.Builder b) { return Simulation.run(b.traceDigest(true).build()); }

    @Test
    void randomScenarioReplaysExactly() {
        SimOptions.Builder b = SimOptions.builder().seed(0x5eed).nodeCount(5).timeLimitMicros(5_000_000).scenario(Scenario.RANDOM)
                .faults(Faults.RANDOM.withClockBumps(true));
        SimResult first = run(b);
        SimResult second = run(b);
        assertNotNull(first.traceDigest());
        assertEquals(first.traceDigest(), second.traceDigest(), "seed 0x5eed: the trace differs between two runs");
        assertEquals(first.history(), second.history());
        assertEquals(first.cluster(), second.cluster());
        assertEquals(first.stats().events(), second.stats().events());
    }

    @Test
    void everyScenarioReplaysExactly() {
        for (Scenario s : Scenario.values()) {
            SimOptions.Builder b = SimOptions.builder().seed(77).nodeCount(7).timeLimitMicros(3_000_000).scenario(s)
                    .workload(Workload.REGISTERS);
            assertEquals(run(b).traceDigest(), run(b).traceDigest(), "seed 0x4d, scenario " + s.cliName());
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        SimOptions.Builder b = SimOptions.builder().seed(1).timeLimitMicros(2_000_000).scenario(Scenario.RANDOM);
        String one = run(b).traceDigest();
        String two = run(b.seed(2)).traceDigest();
        assertNotEquals(one, two);
    }
}
