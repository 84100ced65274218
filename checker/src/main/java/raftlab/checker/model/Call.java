package raftlab.checker.model;

import raftlab.history.Op;

/**
 * One operation as the search sees it: an invocation with what it returned.
 *
 * @param f          the function, such as {@code read} or {@code cas}
 * @param value      what the model judges: the completion's value for a completed op (a read's
 *                   result), the invocation's for one that may or may not have happened; without
 *                   the key of a {@code [key v]} tuple
 * @param failed     a {@code :fail} kept as having run (a compare-and-set that found another value)
 * @param invoke     the invocation in the history
 * @param completion the completion in the history, or null when it never completed
 * @param fate       completed or maybe
 */
public record Call(String f, Object value, boolean failed, Op invoke, Op completion, Fate fate) {
    /** The history's op that carries the result: the completion when there is one. */
    public Op resultOp() { return completion != null && fate == Fate.COMPLETED ? completion : invoke; }
}
