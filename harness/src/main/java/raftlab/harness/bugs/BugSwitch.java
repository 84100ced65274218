package raftlab.harness.bugs;

import java.util.Locale;
import java.util.Optional;
import raftlab.raft.Bugs;

/** The six bug switches of the node, by the names {@code raftlab test --bug NAME} and {@code raft-node run --bug-NAME} use. */
public enum BugSwitch {
    STALE_READS("reads are answered from a node's own state, without ReadIndex"),
    LEASE_WALL_CLOCK("lease reads, with the lease timed by the wall clock"),
    NO_FSYNC("entries are acknowledged before they are synced to disk"),
    FORGET_VOTE("the vote is not persisted, so a restarted node can vote twice in a term"),
    COMMIT_OLD_TERM("entries of earlier terms are committed by counting replicas (Figure 8)"),
    ACK_ON_APPEND("the leader answers a write when it appends it, before it commits");

    private final String breaks;

    BugSwitch(String breaks) { this.breaks = breaks; }

    /** The name on the command line, such as {@code stale-reads}. */
    public String cliName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The node's flag, such as {@code --bug-stale-reads}. */
    public String nodeFlag() { return "--bug-" + cliName(); }

    /** What the switch breaks, in one phrase. */
    public String breaks() { return breaks; }

    /** The core's switches with only this one on. */
    public Bugs bugs() {
        return new Bugs(this == STALE_READS, this == LEASE_WALL_CLOCK, this == NO_FSYNC, this == FORGET_VOTE,
                this == COMMIT_OLD_TERM, this == ACK_ON_APPEND);
    }

    public static Optional<BugSwitch> byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("--bug-")) n = n.substring(6);
        for (BugSwitch s : values()) if (s.cliName().equals(n)) return Optional.of(s);
        return Optional.empty();
    }

    /** The names for an error message: {@code stale-reads, lease-wall-clock, ...}. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (BugSwitch s : values()) b.append(b.isEmpty() ? "" : ", ").append(s.cliName());
        return b.toString();
    }
}
