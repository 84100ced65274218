package raftlab.sim;

import java.util.List;
import raftlab.history.Op;

/**
 * What a simulated run produced.
 *
 * @param options      the options of the run (with its seed)
 * @param history      client and nemesis operations, in the format of docs/design.md ({@code :time} is virtual nanoseconds)
 * @param violations   invariants that did not hold: the first stops the run, unless {@link SimOptions#keepGoing} (then at
 *                     most {@link #MAX_VIOLATIONS} are kept)
 * @param stats        counters
 * @param cluster      the final table, one row per node
 * @param livenessMicros after the heal, how long until a write committed (-1 if none did within the bound)
 * @param traceDigest  SHA-256 of the event trace in hexadecimal, when {@link SimOptions#traceDigest} asked for it, else null
 */
public record SimResult(SimOptions options, List<Op> history, List<Violation> violations, SimStats stats,
                        List<NodeRow> cluster, long livenessMicros, String traceDigest) {
    public static final int MAX_VIOLATIONS = 100;

    public boolean violated() { return !violations.isEmpty(); }

    /** {@code raftlab sim ...} that reproduces this run. */
    public String reproduceCommand() { return "raftlab sim " + options.commandLine(); }
}
