package raftlab.conventions;

/**
 * A problem the person running the command can fix (bad arguments, unreadable input, a missing prerequisite). Its message
 * is the whole sentence after {@code error: }, saying what was wrong and what to do; it exits {@link ExitCodes#BAD_INPUT}
 * with no stack trace.
 */
public class InputError extends RuntimeException {
    public InputError(String sentence) { super(sentence); }

    public InputError(String sentence, Throwable cause) { super(sentence, cause); }
}
