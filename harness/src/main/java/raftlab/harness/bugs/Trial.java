package raftlab.harness.bugs;

import java.time.Duration;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.KeyResult;
import raftlab.checker.Validity;
import raftlab.checker.model.Models;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;

/**
 * One judged run of a recipe.
 *
 * @param seed               the simulator's seed (or the run's number in a real lab)
 * @param switchOn           false for the control
 * @param verdict            the checker's verdict on the history
 * @param firstViolationNanos the {@code :time} of the first operation the checker could not linearize, or -1
 * @param invariant          the simulator invariant that fired, or null
 * @param explanation        the checker's plain-text explanation when invalid, or null
 * @param reproduce          the command that replays the run
 */
public record Trial(long seed, boolean switchOn, Validity verdict, long firstViolationNanos, String invariant,
                    String explanation, String reproduce) {
    public boolean caught() { return verdict == Validity.INVALID; }

    public boolean invariantFired() { return invariant != null; }

    /** Simulates one seed of a recipe and judges the history with the checker under the register model. */
    public static Trial simulate(BugRecipe recipe, long seed, boolean switchOn, Duration checkLimit) {
        SimOptions options = recipe.simOptions(seed, switchOn);
        SimResult result = Simulation.run(options);
        CheckResult check = Checker.check(result.history(), Models.byName("register"),
                CheckOptions.defaults().withTimeLimit(checkLimit).withThreads(1));
        return new Trial(seed, switchOn, check.validity(), firstViolationNanos(check),
                result.violated() ? result.violations().get(0).toString() : null,
                check.firstFailure() == null ? null : check.firstFailure().explanation(), recipe.simCommandLine(seed, switchOn));
    }

    /** Over every key that failed, the earliest invocation the checker could not linearize. */
    static long firstViolationNanos(CheckResult check) {
        long first = -1;
        for (KeyResult key : check.failures()) {
            if (key.failure() == null) continue;
            long t = key.failure().invoke().time();
            if (first < 0 || t < first) first = t;
        }
        return first;
    }
}
