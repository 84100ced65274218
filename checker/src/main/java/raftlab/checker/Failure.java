package raftlab.checker;

import java.util.List;
import raftlab.history.Op;

/**
 * Why a key is not linearizable, for people.
 *
 * @param invoke       the invocation of the operation that cannot be linearized
 * @param completion   its completion (null when it never completed)
 * @param prefix       the longest linearizable prefix reached: completions (or, for ops that may or
 *                     may not have happened, invocations) in the order they took effect
 * @param stateAfterPrefix the model's state after that prefix, in words
 * @param concurrent   invocations of operations whose intervals overlap the failing one's
 * @param explanation  a few sentences in plain text
 * @param witness      the completion of the operation that proves the point (one that completed
 *                     before the failing one was invoked), or null when no single operation does
 */
public record Failure(Op invoke, Op completion, List<Op> prefix, String stateAfterPrefix,
                      List<Op> concurrent, String explanation, Op witness) {
    /** The last ok completion of the prefix (Jepsen's {@code :previous-ok}), or null. */
    public Op previousOk() {
        for (int i = prefix.size() - 1; i >= 0; i--) {
            if (prefix.get(i).type() == raftlab.history.OpType.OK) return prefix.get(i);
        }
        return null;
    }
}
