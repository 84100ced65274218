package raftlab.node.storage;

/** Receives the time each write and each fsync of the log took, for metrics. */
public interface StorageObserver {
    void appended(long nanos);

    void synced(long nanos);

    StorageObserver NONE = new StorageObserver() {
        @Override public void appended(long nanos) {}

        @Override public void synced(long nanos) {}
    };
}
