package raftlab.raft.kv;

/**
 * An operation on the key-value state machine. Values are canonical JSON scalar text
 * ({@code 5}, {@code "abc"}), so that JSON equality is string equality; {@code null} means absent.
 */
public sealed interface KvOp {
    String key();

    record Get(String key) implements KvOp {}

    record Put(String key, String value) implements KvOp {}

    /** Compare-and-set: {@code expect == null} means "only if the key is absent". */
    record Cas(String key, String expect, String value) implements KvOp {}

    record Delete(String key) implements KvOp {}
}
