package raftlab.raft;

import raftlab.raft.kv.KvOp;

/** What a log entry carries. */
public sealed interface Command {
    /** Appended by every new leader at the start of its term, so that it can commit (and serve reads) in that term. */
    record Noop() implements Command {}

    /** A new configuration; it takes effect on every server as soon as it is appended, not when committed. */
    record ConfigChange(Configuration configuration) implements Command {}

    /** A client's operation; {@code clientId} (nullable) and {@code seq} make a retried request apply once. */
    record Client(String clientId, long seq, KvOp op) implements Command {}
}
