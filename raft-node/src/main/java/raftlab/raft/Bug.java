package raftlab.raft;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The bug switches: deliberate faults for lab exercises, all off by default. Each breaks exactly one promise of the node
 * (docs/design.md) and disables the core's own assertions that it would trip, so that the harness and the checker, not an
 * assertion, find the anomaly. This enum is the only list of them: the node's {@code --bug-NAME} flags, the simulator's,
 * {@code raftlab test --bug NAME}, {@code raftlab detect} and the harness's recipes all come from it.
 */
public enum Bug {
    /** Any server, leader or not, answers a read at once from its own applied state, with no ReadIndex round and no lease. */
    STALE_READS("serve reads from local state without confirming leadership (breaks linearizable reads)"),
    /**
     * Reads are served by lease whatever the read mode, and the lease and CheckQuorum are timed by the wall clock handed to
     * {@code tick} instead of by ticks; a leader whose wall clock stops or jumps back keeps serving reads after losing its quorum.
     */
    LEASE_WALL_CLOCK("time read leases on the wall clock instead of the monotonic clock (clock jumps break reads)"),
    /** The storage layer's: entries are acknowledged from memory; the core only skips the log-safety assertions. */
    NO_FSYNC("acknowledge entries while still in memory, writing them about once a second (kill -9 loses acknowledged writes)"),
    /** Hard state handed out for persisting never carries the vote, and a restarted server may vote at once. */
    FORGET_VOTE("do not persist the vote (a restarted node may vote twice in one term)"),
    /**
     * The leader commits an entry of an earlier term as soon as a quorum holds it (the Figure 8 mistake), and a new leader
     * whose log holds entries not yet known committed appends no no-op, counting on those entries instead.
     */
    COMMIT_OLD_TERM("commit entries of earlier terms by counting replicas (Raft figure 8)"),
    /** The leader answers a write or compare-and-set once appended, computing a compare-and-set against the state applied so far. */
    ACK_ON_APPEND("acknowledge a write when the leader appends it, before it commits");

    private final String description;

    Bug(String description) { this.description = description; }

    /** The name on a command line, such as {@code stale-reads}. */
    public String cliName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The flag of {@code raft-node run} and {@code raftlab sim}, such as {@code --bug-stale-reads}. */
    public String flag() { return "--bug-" + cliName(); }

    /** What the switch does, in one phrase starting in lower case. */
    public String description() { return description; }

    /** The switch named {@code stale-reads} or {@code --bug-stale-reads}. */
    public static Optional<Bug> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("--bug-")) n = n.substring("--bug-".length());
        for (Bug b : values()) if (b.cliName().equals(n)) return Optional.of(b);
        return Optional.empty();
    }

    /** The switch named so, or an IllegalArgumentException whose message lists the names. */
    public static Bug parse(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown bug " + name + "; use " + names()));
    }

    /** The names for an error message: {@code stale-reads, lease-wall-clock, ...}. */
    public static String names() {
        StringJoiner j = new StringJoiner(", ");
        for (Bug b : values()) j.add(b.cliName());
        return j.toString();
    }
}
