package raftlab.harness.generator;

/**
 * A source of operations for one worker, in the manner of Jepsen's generators but simpler: every
 * worker owns its own instance (see {@link Generators#perThread}), so a generator may keep state
 * without locks, and its output depends only on its seed and the times it is asked at.
 */
@FunctionalInterface
public interface Generator {
    Step next(Context context);
}
