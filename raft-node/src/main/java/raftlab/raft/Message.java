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
     */
    record AppendEntries(long term, NodeId from, NodeId to, long prevLogIndex, long prevLogTerm,
                         List<Entry> entries, long leaderCommit, long readContext) implements Message {}

    /**
     * On rejection, {@code conflictTerm} and {@code conflictIndex} let the leader skip back a whole term at once
     * (conflictTerm 0: the follower's log is shorter, and conflictIndex is its length + 1).
     */
    record AppendResponse(long term, NodeId from, NodeId to, boolean success, long matchIndex,
                          long conflictTerm, long conflictIndex, long readContext) implements Message {}

    /** One chunk of a snapshot, starting at byte {@code offset}; {@code done} marks the last. */
    record InstallSnapshot(long term, NodeId from, NodeId to, long lastIncludedIndex, long lastIncludedTerm,
                           Configuration configuration, long offset, byte[] data, boolean done) implements Message {}

    record SnapshotResponse(long term, NodeId from, NodeId to, long lastIncludedIndex, long nextOffset,
                            boolean done) implements Message {}

    /** Leadership transfer: the target starts an election at once, bypassing PreVote and vote stickiness. */
    record TimeoutNow(long term, NodeId from, NodeId to) implements Message {}
}
