package raftlab.harness.client;

import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * How an operation ended, ready to record: {@code ok} with the value (a read's value filled in),
 * {@code fail} when it certainly did not happen (or a cas found another value), {@code info} when
 * it is unknown.
 *
 * @param node the node that answered, after redirects, or {@link Op#NO_NODE} when none did
 */
public record Completion(OpType type, Object value, String error, String node) {
    public Completion {
        if (type == OpType.INVOKE) throw new IllegalArgumentException("a completion is ok, fail or info");
        if (node == null) throw new IllegalArgumentException("a completion says which node answered, or Op.NO_NODE");
    }
}
