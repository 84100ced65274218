package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import raftlab.harness.nemesis.FaultCounts;

/** Each named scenario injects what its name says, and a correct core survives it (ten seeds each). */
class ScenarioTest {
    private static void survives(Scenario scenario, int nodes, Predicate<SimStats> injected, String what) {
        survivesRun(scenario, nodes, r -> injected.test(r.stats()), what);
    }

    private static void survivesRun(Scenario scenario, int nodes, Predicate<SimResult> injected, String what) {
        for (long seed = 1; seed <= 10; seed++) {
            SimResult r = Simulation.run(SimOptions.builder().seed(seed).nodeCount(nodes).timeLimitMicros(8_000_000).scenario(scenario).build());
            assertTrue(!r.violated(), () -> r.violations().get(0) + "\nreproduce with: " + r.reproduceCommand());
            assertTrue(injected.test(r), () -> "seed " + SimOptions.seedText(r.options().seed()) + " of " + scenario.cliName()
                    + " did not inject " + what + ": " + r.stats());
            assertTrue(r.livenessMicros() >= 0, "a write commits after the heal");
            assertTrue(r.stats().opsOk() > 100, () -> "progress despite the faults: " + r.stats());
        }
    }

    @Test
    void leaderFailure() { survives(Scenario.LEADER_FAILURE, 5, s -> s.crashes() >= 4 && s.elections() >= 5, "leader crashes and new elections"); }

    @Test
    void rollingRestarts() { survives(Scenario.ROLLING_RESTARTS, 5, s -> s.crashes() >= 5 && s.restarts() >= 5, "a restart of every node"); }

    @Test
    void splitBrain() { survives(Scenario.SPLIT_BRAIN, 5, s -> s.partitions() >= 2 && s.elections() >= 3, "partitions that force new leaders"); }

    @Test
    void flappingPartition() { survives(Scenario.FLAPPING_PARTITION, 5, s -> s.partitions() >= 10, "frequent partitions"); }

    @Test
    void randomOnThreeAndSevenNodes() {
        // The shared nemesis draws one fault at a time among partition, kill, pause and transfer; count them all from the history.
        survivesRun(Scenario.RANDOM, 3, r -> !FaultCounts.of(r.history()).isEmpty(), "faults");
        survivesRun(Scenario.RANDOM, 7, r -> !FaultCounts.of(r.history()).isEmpty(), "faults");
    }

    @Test
    void noFsyncBugLosesCommittedEntriesAndIsCaught() {
        // The simulated disk keeps unsynced writes in a page cache; a crash loses entries a quorum acknowledged.
        boolean caught = false;
        for (long seed = 1; seed <= 40 && !caught; seed++) {
            SimResult r = Simulation.run(SimOptions.builder().seed(seed).timeLimitMicros(10_000_000).scenario(Scenario.RANDOM)
                    .bugs(raftlab.raft.Bugs.of(raftlab.raft.Bug.NO_FSYNC)).build());
            caught = r.violated() && r.violations().get(0).invariant() == Violation.Invariant.COMMITTED_ENTRY_LOST
                    && r.violations().get(0).underBug();
        }
        assertTrue(caught, "no seed in 1..40 lost a committed entry under --bug-no-fsync");
    }

    @Test
    void aPausedCandidateMayWinAnOlderTermAfterANewerTermCommitted() {
        // Seed 0x39 found this: n3, paused as a candidate of term 11 holding n1's vote, resumes and leads term 11 after
        // n1 led term 12 and committed an entry of it. Leader completeness only owes a leader what earlier terms committed.
        SimResult r = Simulation.run(SimOptions.builder().seed(0x39).nodeCount(3).timeLimitMicros(10_000_000).scenario(Scenario.RANDOM)
                .faults(Faults.RANDOM.withDelay(1_000, 20_000)).nemesisIntervalMicros(300_000).snapshotEveryEntries(20).build());
        assertTrue(!r.violated(), () -> r.violations() + "\nreproduce with: " + r.reproduceCommand());
    }
}
