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
     * 0 for an uncertain call that steps like every other call of class 0 in every state (for a
     * register: a write of a value no call observes), so the search tries only the first of them
     * at each point; -1 for a call like no other.
     */
    default int symmetryClass(int call) { return -1; }

    /**
     * Whether {@code call} might still take effect after further calls from {@code state}, when none
     * of those calls {@link #resets} the state. False lets the search drop a choice early: for
     * kv-append, a get of X can only follow states that are prefixes of X.
     */
    default boolean canStillFit(long state, int call) { return true; }

    /**
     * Whether the call's result pins down the state it needs (a get), so that the search should
     * steer toward the earliest one to complete rather than toward whatever completes first.
     * Every call by default, which makes the two the same.
     */
    default boolean observes(int call) { return true; }

    /** Whether the call sets the state regardless of what it was (a put), which voids {@link #canStillFit}. */
    default boolean resets(int call) { return true; }

    /**
     * For an uncertain call: the history index after which no call can tell its effect apart from
     * that of a call of class 0 (for a register write: the last completion of a call that reads or
     * compares with its value), or Long.MAX_VALUE. Past it the search treats the call as class 0.
     */
    default long distinctUntil(int call) { return Long.MAX_VALUE; }

    /**
     * Whether the search should first try the call whose completion comes first, before the calls
     * invoked earlier. It pays for registers (less than half the configurations on the register
     * benchmark); for kv-append, whose appends all change the state, plain invocation order
     * explored a third fewer, and since the search steers toward the next get the two are even.
     */
    default boolean earliestCompletionFirst() { return true; }

    /**
     * The state the search's cache files this one under. Two states may share it only when they
     * have the same futures: every call steps both to states that again share one, or fails in
     * both, and {@link #canStillFit} answers the same. Then a configuration known to fail with
     * one need not be tried with the other. By default every state is its own.
     */
    default long canonical(long state) { return state; }

    /** The state as the model's value, for explanations. */
    Object decode(long state);
}
