package raftlab.harness.client;

import raftlab.history.OpType;

/**
 * How an operation ended, ready to record: {@code ok} with the value (a read's value filled in),
 * {@code fail} when it certainly did not happen (or a cas found another value), {@code info} when
 * it is unknown.
 *
 * @param readValue for an ok read, the value read (null when absent); otherwise null
 */
public record Completion(OpType type, Object value, String error, Object readValue) {
    public Completion {
        if (type == OpType.INVOKE) throw new IllegalArgumentException("a completion is ok, fail or info");
    }
}
