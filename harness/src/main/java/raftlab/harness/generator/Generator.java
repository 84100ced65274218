package raftlab.harness.generator;

import raftlab.history.Op;

/**
 * A source of operations for one client thread, as Jepsen's generators: pure in that its output depends
 * only on its seed, the times it is asked at and the completions it is told of, never on a clock or a
 * lab of its own. Every thread owns its own instance (see {@link Generators#perThread}), so a generator
 * may keep state without locks; the simulator asks in virtual time, the real labs in wall time.
 */
public interface Generator {
    /** The next step for the thread of this context. */
    Step next(Context context);

    /**
     * Told of each completion (the recorded op, with its type, value and node) of an operation this generator
     * gave; a combinator passes it on to the generators inside it. By default nothing is learnt.
     */
    default void update(Context context, Op completion) {}
}
