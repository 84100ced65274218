package raftlab.sim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import raftlab.sim.NodeRow;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.SimStats;
import raftlab.sim.Violation;

/** What {@code raftlab sim} prints about one run: the cluster table, statistics and findings. */
final class Report {
    private Report() {}

    static void header(PrintWriter out, SimOptions o) {
        out.printf(Locale.ROOT, "raftlab sim: seed %s, %d nodes, %s, scenario %s, workload %s at %s ops/s%s%n",
                SimOptions.seedText(o.seed()), o.nodeCount(), raftlab.sim.Durations.format(o.timeLimitMicros()),
                o.scenario().cliName(), o.workload().cliName(), trim(o.rate()), o.bugs().any() ? ", bug switches on" : "");
    }

    static void table(PrintWriter out, SimResult r) {
        out.printf(Locale.ROOT, "%-5s %-13s %6s %-8s %8s %8s %8s %8s%n", "node", "role", "term", "alive", "log", "last", "commit", "applied");
        for (NodeRow row : r.cluster()) {
            out.printf(Locale.ROOT, "%-5s %-13s %6d %-8s %8d %8d %8d %8s%n", row.node(), row.role(), row.term(), row.state(),
                    row.logSize(), row.lastIndex(), row.commit(), row.applied() < 0 ? "-" : Long.toString(row.applied()));
        }
    }

    static void stats(PrintWriter out, SimResult r) {
        SimStats s = r.stats();
        out.printf(Locale.ROOT, "events %,d; elections %,d (campaigns %,d); messages sent %,d, delivered %,d, dropped %,d, duplicated %,d%n",
                s.events(), s.elections(), s.campaigns(), s.messagesSent(), s.messagesDelivered(), s.messagesDropped(), s.messagesDuplicated());
        out.printf(Locale.ROOT, "faults: %d crashes, %d restarts, %d pauses, %d partitions%n", s.crashes(), s.restarts(), s.pauses(), s.partitions());
        out.println("nemesis: " + raftlab.harness.nemesis.FaultCounts.describe(raftlab.harness.nemesis.FaultCounts.of(r.history())));
        out.printf(Locale.ROOT, "operations: %,d ok, %,d fail, %,d info%n", s.opsOk(), s.opsFail(), s.opsInfo());
        out.printf(Locale.ROOT, "simulated %.3f s in %.3f s of wall time (%.3f s of CPU): %,.0f events/s%n", s.simulatedMicros() / 1e6,
                s.wallNanos() / 1e9, s.cpuNanos() / 1e9, s.eventsPerSecond());
        if (r.livenessMicros() >= 0) {
            out.printf(Locale.ROOT, "liveness: after the heal, a write committed within %.3f s%n", r.livenessMicros() / 1e6);
        }
    }

    static void violations(PrintWriter out, SimResult r) {
        if (!r.violated()) {
            out.println("invariants: none violated");
            return;
        }
        int shown = 0;
        for (Violation v : r.violations()) {
            if (++shown > 10) {
                out.println("... and " + (r.violations().size() - 10) + " more");
                break;
            }
            out.println("INVARIANT VIOLATED: " + v);
        }
        out.println("reproduce with: " + r.reproduceCommand());
    }

    static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
