package raftlab.raft;

/** How a leader serves linearizable reads. */
public enum ReadMode {
    /** Confirm leadership with a quorum round before every read (the default). */
    READ_INDEX,
    /** Serve reads within a lease started by an acknowledged heartbeat round, timed on the monotonic clock. */
    LEASE
}
