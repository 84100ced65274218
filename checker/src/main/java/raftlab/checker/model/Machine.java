package raftlab.checker.model;

/**
 * A model compiled for one key's calls, stepping on states encoded as longs so that the search's
 * cache holds primitives only.
 */
public interface Machine {
    /** Returned by {@link #step} when the call cannot take effect in that state. */
    long ILLEGAL = Long.MIN_VALUE;

    long initial();

    /** The state after call number {@code call} takes effect in {@code state}, or {@link #ILLEGAL}. */
    long step(long state, int call);

    /**
     * Whether the call never changes the state when it can take effect (a read, a compare-and-set
     * that failed). The search takes such a call as soon as it fits, without trying alternatives.
     */
    default boolean readOnly(int call) { return false; }

    /**
     * Uncertain calls of one class (0 or more) step alike in every state, so the search tries only
     * the first of them at each point; -1 for a call like no other.
     */
    default int symmetryClass(int call) { return -1; }

    /** The state as the model's value, for explanations. */
    Object decode(long state);
}
