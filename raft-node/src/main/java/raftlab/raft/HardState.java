package raftlab.raft;

/**
 * What a server must persist (and fsync) before it answers a message that depends on it:
 * its current term and the candidate it voted for in that term ({@code null} if none).
 * {@code commit} is persisted for faster recovery only; it is never trusted beyond the log.
 */
public record HardState(long term, NodeId votedFor, long commit) {
    public static final HardState INITIAL = new HardState(0, null, 0);
}
