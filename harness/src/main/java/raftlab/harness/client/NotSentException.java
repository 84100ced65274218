package raftlab.harness.client;

import java.io.IOException;

/** The request certainly never reached the server (the connection could not be made): safe to call {@code :fail}. */
public final class NotSentException extends IOException {
    public NotSentException(String message, Throwable cause) { super(message, cause); }
}
