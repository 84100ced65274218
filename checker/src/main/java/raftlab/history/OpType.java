package raftlab.history;

/** Jepsen's operation types: an invocation, then exactly one completion. */
public enum OpType {
    INVOKE, OK, FAIL, INFO;

    /** The EDN keyword / JSONL string without the colon. */
    public String keyword() { return name().toLowerCase(java.util.Locale.ROOT); }
}
