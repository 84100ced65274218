package raftlab.harness.lab;

/**
 * A lab operation that could not be done. The message is one sentence for a person
 * ("could not start n3: ...; see store/latest/n3.log"); the cause goes to the log.
 */
public final class LabException extends RuntimeException {
    public LabException(String message) { super(message); }

    public LabException(String message, Throwable cause) { super(message, cause); }
}
