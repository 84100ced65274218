package raftlab.node.storage;

/**
 * A write or fsync failed (a full disk, an I/O error). Storage refuses every later write, so that
 * the log on disk is never extended past a record that may be incomplete.
 */
public final class StorageFailedException extends RuntimeException {
    public StorageFailedException(String message, Throwable cause) { super(message, cause); }
}
