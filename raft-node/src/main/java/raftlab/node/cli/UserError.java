package raftlab.node.cli;

/** A problem the user can fix (bad arguments, a missing prerequisite): one sentence, exit 254, no stack trace. */
public final class UserError extends raftlab.conventions.InputError {
    public UserError(String sentence) { super(sentence); }
}
