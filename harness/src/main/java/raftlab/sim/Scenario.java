package raftlab.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A named fault schedule, chosen with {@code --scenario}; every one ends with a heal phase in which the cluster must converge. */
public enum Scenario {
    /** No scheduled faults beyond what the fault options ask for. */
    NONE,
    /** The current leader is killed every nemesis interval and restarted half an interval later. */
    LEADER_FAILURE,
    /** Every node in turn is killed and restarted. */
    ROLLING_RESTARTS,
    /** The leader is cut off with a minority while the majority elects another leader, then the partition heals. */
    SPLIT_BRAIN,
    /** Random halves that change every few hundred milliseconds. */
    FLAPPING_PARTITION,
    /**
     * Figure 8 of the Raft paper on five nodes, over and over: an old leader's entries reach a quorum only in a later
     * term, then a leader of a term between them overwrites them. Harmless to a correct leader; it catches one that
     * commits old-term entries by counting.
     */
    FIGURE_8,
    /**
     * On three nodes, over and over: two candidates of one term and their common voter restarted between their
     * requests. Harmless to a server that persists its vote; it catches one that forgets it.
     */
    DOUBLE_VOTE,
    /** A mix of partitions of every shape, crashes, pauses, drops, duplicates, reordering and clock drift. */
    RANDOM;

    /** The name on the command line, such as {@code leader-failure}. */
    public String cliName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public static Optional<Scenario> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName().equals(name)).findFirst();
    }
}
