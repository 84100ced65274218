package raftlab.conventions;

/**
 * The exit codes of every raftlab and raft-node command, Jepsen's: a script can tell a verdict from a mistake and from a
 * crash. With several runs, the worst code wins.
 */
public final class ExitCodes {
    private ExitCodes() {}

    /** The history is linearizable, or the command did what it was asked. */
    public static final int VALID = 0;
    /** The history is not linearizable, an invariant was violated, or a corpus verdict does not match. */
    public static final int INVALID = 1;
    /** The checker could not decide within its budget. */
    public static final int UNKNOWN = 2;
    /** Bad arguments, unreadable input or a missing prerequisite; one sentence says how to fix it. */
    public static final int BAD_INPUT = 254;
    /** The command failed on its own account; one sentence gives the log that holds the stack trace. */
    public static final int CRASHED = 255;
}
