package raftlab.raft;

import java.util.List;

/** Every message between servers. Switches over it have no default, so a new type will not compile until handled. */
public sealed interface Message {
    long term();

    NodeId from();

    NodeId to();

    /** A vote or pre-vote request. {@code transfer} is set when the candidate was told TimeoutNow. */
    record VoteRequest(long term, NodeId from, NodeId to, long lastLogIndex, long lastLogTerm,
                       boolean preVote, boolean transfer) implements Message {}

    /** {@code reason} says why the vote was granted or denied, for logs and {@code --explain}. */
    record VoteResponse(long term, NodeId from, NodeId to, boolean preVote, boolean granted, String reason) implements Message {}

    /**
     * Entries (possibly none: a heartbeat) after ({@code prevLogIndex}, {@code prevLogTerm}).
     * {@code readContext} rises with every heartbeat round, so that acknowledgements confirm leadership for reads.
     * {@code rejoinIndex}, when not 0, tells a follower that lost entries it acknowledged how far its log must
     * match the leader's before it may vote again (see {@link HardState#rejoinIndex}).
     */
    record AppendEntries(long term, NodeId from, NodeId to, long prevLogIndex, long prevLogTerm,
                         List<Entry> entries, long leaderCommit, long readContext, long rejoinIndex) implements Message {
        public AppendEntries(long term, NodeId from, NodeId to, long prevLogIndex, long prevLogTerm,
                             List<Entry> entries, long leaderCommit, long readContext) {
            this(term, from, to, prevLogIndex, prevLogTerm, entries, leaderCommit, readContext, 0);
        }
    }

    /**
     * On rejection, {@code conflictTerm} and {@code conflictIndex} let the leader skip back a whole term at once
     * (conflictTerm 0: the follower's log is shorter, and conflictIndex is its length + 1). {@code rejoinIndex} is the
     * follower's own (0 unless it is rejoining), so that a leader does not count it toward commitment meanwhile.
     */
    record AppendResponse(long term, NodeId from, NodeId to, boolean success, long matchIndex,
                          long conflictTerm, long conflictIndex, long readContext, long rejoinIndex) implements Message {
        public AppendResponse(long term, NodeId from, NodeId to, boolean success, long matchIndex,
                              long conflictTerm, long conflictIndex, long readContext) {
            this(term, from, to, success, matchIndex, conflictTerm, conflictIndex, readContext, 0);
        }
    }

    /** One chunk of a snapshot, starting at byte {@code offset}; {@code done} marks the last. */
    record InstallSnapshot(long term, NodeId from, NodeId to, long lastIncludedIndex, long lastIncludedTerm,
                           Configuration configuration, long offset, byte[] data, boolean done) implements Message {}

    record SnapshotResponse(long term, NodeId from, NodeId to, long lastIncludedIndex, long nextOffset,
                            boolean done) implements Message {}

    /** Leadership transfer: the target starts an election at once, bypassing PreVote and vote stickiness. */
    record TimeoutNow(long term, NodeId from, NodeId to) implements Message {}
}
