package raftlab.checker.model;

/** What a completion says about an operation, which is the model's call (docs/design.md's table). */
public enum Fate {
    /** It took effect between its invocation and completion, with the result the completion gives. */
    COMPLETED,
    /** It may take effect at any point after its invocation, or never. */
    MAYBE,
    /** It certainly did not happen, or constrains nothing (a crashed read): left out of the search. */
    DROPPED
}
