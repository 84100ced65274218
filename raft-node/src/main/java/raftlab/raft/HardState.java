package raftlab.raft;

/**
 * What a server must persist (and fsync) before it answers a message that depends on it:
 * its current term and the candidate it voted for in that term ({@code null} if none).
 * {@code commit} is persisted for faster recovery only; it is never trusted beyond the log.
 *
 * <p>{@code rejoinIndex} is non-zero while this server is rejoining after it lost entries it may
 * have acknowledged (a repair dropped them, or its data directory was restored from an older copy):
 * it grants no votes and does not campaign until a leader has replicated its log up to that index.
 * {@link #REJOIN_UNKNOWN} means "up to whatever the first leader to hear of it holds".
 */
public record HardState(long term, NodeId votedFor, long commit, long rejoinIndex) {
    public static final HardState INITIAL = new HardState(0, null, 0);
    public static final long REJOIN_UNKNOWN = Long.MAX_VALUE;

    public HardState {
        if (rejoinIndex < 0) throw new IllegalArgumentException("rejoinIndex must not be negative, not " + rejoinIndex);
    }

    public HardState(long term, NodeId votedFor, long commit) { this(term, votedFor, commit, 0); }
}
