package raftlab.raft;

/**
 * Deliberate faults for lab exercises, all off by default. Each breaks exactly one promise of
 * the node (see DESIGN.md) and disables the core's own assertions that it would trip, so that the
 * harness and checker, not an assertion, find the anomaly.
 *
 * <ul>
 * <li>{@code staleReads}: any server, leader or not, answers a read at once from its own applied
 *     state, with no ReadIndex round and no lease.</li>
 * <li>{@code leaseWallClock}: reads are served by lease (whatever the read mode), and the lease and
 *     CheckQuorum are timed by the wall clock handed to {@code tick} instead of by ticks; a leader
 *     whose wall clock stops or jumps back keeps leading and serving reads after losing its quorum.</li>
 * <li>{@code noFsync}: the storage layer's (the core only skips the log-safety assertions).</li>
 * <li>{@code forgetVote}: hard state handed out for persisting never carries the vote, and a
 *     restarted server may vote at once, so a restart can grant a second vote in one term.</li>
 * <li>{@code commitOldTerm}: the leader commits an entry of an earlier term as soon as a quorum
 *     holds it (the Figure 8 mistake), and a new leader whose log holds entries not yet known committed appends no
 *     no-op, counting on those entries instead (as Figure 8 of the Raft paper, where the old entry travels alone).</li>
 * <li>{@code ackOnAppend}: the leader answers a write or compare-and-set as soon as it is appended,
 *     computing a compare-and-set's answer against the state applied so far.</li>
 * </ul>
 */
public record Bugs(boolean staleReads, boolean leaseWallClock, boolean noFsync, boolean forgetVote,
                   boolean commitOldTerm, boolean ackOnAppend) {
    public static final Bugs NONE = new Bugs(false, false, false, false, false, false);

    public boolean any() { return staleReads || leaseWallClock || noFsync || forgetVote || commitOldTerm || ackOnAppend; }
}
