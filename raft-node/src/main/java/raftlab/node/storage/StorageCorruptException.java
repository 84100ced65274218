package raftlab.node.storage;

/** The data on disk is damaged in a way recovery must not paper over; the message is one sentence for a person. */
public final class StorageCorruptException extends RuntimeException {
    public StorageCorruptException(String message) { super(message); }
}
