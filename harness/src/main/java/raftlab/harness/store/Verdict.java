package raftlab.harness.store;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.Validity;
import raftlab.checker.model.Models;
import raftlab.harness.runner.Liveness;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The verdict of a run: linearizability from the checker, and liveness after the final heal.
 * Invalid if either says so; unknown if the checker could not decide.
 *
 * @param check      the checker's result, or null when it could not run
 * @param checkError why the checker could not run, or null
 */
public record Verdict(Validity validity, CheckResult check, String checkError, Liveness liveness, long checkMillis,
                      long ok, long fail, long info) {
    private static final Logger LOG = Logger.getLogger(Verdict.class.getName());

    public int exitCode() { return validity.exitCode(); }

    /** Checks the client operations of the history with the register model (split by key when values are tuples). */
    public static Verdict judge(List<Op> history, Liveness liveness, Duration checkTimeLimit) {
        List<Op> clientOps = history.stream().filter(op -> !op.isNemesis()).toList();
        long ok = 0;
        long fail = 0;
        long info = 0;
        for (Op op : clientOps) {
            if (op.type() == OpType.OK) ok++;
            else if (op.type() == OpType.FAIL) fail++;
            else if (op.type() == OpType.INFO) info++;
        }
        long started = System.nanoTime();
        CheckResult check = null;
        String error = null;
        try {
            check = Checker.check(clientOps, Models.byName("register"), CheckOptions.defaults().withTimeLimit(checkTimeLimit));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the checker failed", e);
            error = "the checker could not run: " + e.getMessage();
        }
        long checkMillis = (System.nanoTime() - started) / 1_000_000;
        Validity linear = check == null ? Validity.UNKNOWN : check.validity();
        Validity overall = liveness == null || liveness.valid() ? linear : Validity.INVALID.and(linear);
        return new Verdict(overall, check, error, liveness, checkMillis, ok, fail, info);
    }

    /** One line for people: {@code valid}, {@code invalid: not linearizable (key 3)}, {@code invalid: no write ...}. */
    public String summary() {
        StringBuilder s = new StringBuilder(validity.name().toLowerCase(java.util.Locale.ROOT));
        String sep = ": ";
        if (check != null && check.validity() == Validity.INVALID) {
            s.append(sep).append("not linearizable");
            var failures = check.failures();
            if (!failures.isEmpty() && failures.get(0).key() != null) s.append(" (key ").append(failures.get(0).key()).append(")");
            sep = "; ";
        }
        if (check != null && check.validity() == Validity.UNKNOWN) {
            s.append(sep).append("the checker could not decide");
            sep = "; ";
        }
        if (checkError != null) {
            s.append(sep).append(checkError);
            sep = "; ";
        }
        if (liveness != null && !liveness.valid()) s.append(sep).append("not live: ").append(liveness.reason());
        return s.toString();
    }
}
