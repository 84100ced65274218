package raftlab.checker.model;

import java.util.Set;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.history.ValueText;

/**
 * A sequential specification: a start state and a step function, as Porcupine's models are,
 * plus what a completion means for this kind of history. States must be immutable values with
 * equals and hashCode; the search interns them. A new model is a class with
 * {@link #initialState()} and {@link #step(Object, Call)}, and a line in {@link Models}.
 */
public interface Model {
    String name();

    Object initialState();

    /** The state after {@code call} takes effect in {@code state}, or null when it could not have returned what it did. */
    Object step(Object state, Call call);

    /**
     * What the completion of {@code invoke} says. The default is Knossos's: ok happened, fail did
     * not, info (or no completion) may or may not have, and a read that may or may not have
     * happened constrains nothing.
     */
    default Fate fate(Op invoke, Op completion) {
        if (completion == null || completion.type() == OpType.INFO) return isRead(invoke.f()) ? Fate.DROPPED : Fate.MAYBE;
        return switch (completion.type()) {
            case OK -> Fate.COMPLETED;
            case FAIL -> Fate.DROPPED;
            case INFO, INVOKE -> Fate.MAYBE;
        };
    }

    /**
     * This model compiled for one key's calls. The default numbers states as they appear; a model
     * whose states fit in a long may step on them directly, which is faster.
     */
    default Machine compile(Call[] calls) { return new InterningMachine(this, calls); }

    /** Whether {@code [key v]} tuples may be checked one key at a time (P-compositionality). */
    default boolean splitsByKey() { return true; }

    /** The {@code :f} values this model knows, without the colon; empty when it takes any (it judges the value alone). */
    default Set<String> functions() { return Set.of(); }

    /** Whether {@code f} only observes the state, so that an unknown outcome constrains nothing. */
    default boolean isRead(String f) { return f.equals("read") || f.equals("get"); }

    /** The state in words, for explanations. */
    default String describeState(Object state) { return ValueText.edn(state); }

    /** The operation in words, such as "write 3" or "read returning 7". */
    default String describeCall(Call call) {
        String v = ValueText.edn(call.value());
        return isRead(call.f()) ? call.f() + " returning " + v : call.f() + " " + v;
    }
}
