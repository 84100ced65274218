package raftlab.raft;

/**
 * Deliberate faults for lab exercises, all off by default. Each breaks exactly one promise of
 * the node (see DESIGN.md) and disables the core's own assertions that it would trip, so that the
 * harness and checker, not an assertion, find the anomaly.
 */
public record Bugs(boolean staleReads, boolean leaseWallClock, boolean noFsync, boolean forgetVote,
                   boolean commitOldTerm, boolean ackOnAppend) {
    public static final Bugs NONE = new Bugs(false, false, false, false, false, false);

    public boolean any() { return staleReads || leaseWallClock || noFsync || forgetVote || commitOldTerm || ackOnAppend; }
}
