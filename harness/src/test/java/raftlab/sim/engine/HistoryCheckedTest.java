package raftlab.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import raftlab.checker.CheckOptions;
import raftlab.checker.Checker;
import raftlab.checker.Validity;
import raftlab.checker.model.Models;
import raftlab.sim.SimListener;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;
import raftlab.sim.Workload;

/** The recorded history means what docs/design.md says: the checker accepts a correct run and catches stale reads. */
class HistoryCheckedTest {
    private static Validity check(SimResult r) {
        return Checker.check(r.history(), Models.byName("register"), CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(30)).withThreads(1)).validity();
    }

    @Test
    void aCorrectCoreUnderFaultsGivesALinearizableHistory() {
        for (long seed = 1; seed <= 3; seed++) {
            SimResult r = Simulation.run(SimOptions.builder().seed(seed).timeLimitMicros(5_000_000)
                    .scenario(raftlab.sim.Scenario.RANDOM).workload(seed == 3 ? Workload.REGISTERS : Workload.REGISTER).build());
            assertTrue(!r.violated(), () -> r.reproduceCommand());
            assertEquals(Validity.VALID, check(r), "seed " + seed);
        }
    }

    @Test
    void followersAnsweringReadsFromLaggingStateAreCaught() {
        ServerFactory stale = (id, config, random, bugs, restored) -> new FixedLeaderServer(id, config.initialVoters(), restored, false, true);
        int invalid = 0;
        for (long seed = 1; seed <= 5; seed++) {
            SimResult r = new World(SimOptions.builder().seed(seed).timeLimitMicros(3_000_000).build(), stale, SimListener.NONE).run();
            if (check(r) == Validity.INVALID) invalid++;
        }
        assertTrue(invalid > 0, "no seed of 1..5 gave a non-linearizable history with stale follower reads");
    }
}
