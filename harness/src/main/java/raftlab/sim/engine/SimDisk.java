package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.Snapshot;

/**
 * A node's disk. Normally every write is fsynced at once (the simulator processes a ServerReady's
 * persistence before its messages leave). With the no-fsync bug, writes sit in a page cache that is
 * flushed later, and a crash loses them, even though the node already acknowledged them.
 */
final class SimDisk {
    private record Write(Snapshot snapshot, List<Entry> entries, HardState hardState) {}

    private final LogStore durable = new LogStore();
    /** What the node sees when its writes are not yet durable; null when everything is synced. */
    private LogStore cached;
    private final List<Write> unsynced = new ArrayList<>();
    private final boolean fsync;

    SimDisk(boolean fsync) { this.fsync = fsync; }

    void write(Snapshot snapshot, List<Entry> entries, HardState hardState) {
        if (fsync) {
            durable.write(snapshot, entries, hardState);
            return;
        }
        if (cached == null) cached = new LogStore(durable);
        cached.write(snapshot, entries, hardState);
        unsynced.add(new Write(snapshot, List.copyOf(entries), hardState));
    }

    /** The page cache reaches the platter. */
    void flush() {
        for (Write w : unsynced) durable.write(w.snapshot(), w.entries(), w.hardState());
        unsynced.clear();
        cached = null;
    }

    /** Power is lost: whatever was not synced is gone. */
    void crash() {
        unsynced.clear();
        cached = null;
    }

    boolean hasUnsynced() { return !unsynced.isEmpty(); }

    /** What the running node has written (synced or not). */
    LogStore view() { return cached != null ? cached : durable; }

    /** What survives a crash. */
    LogStore durable() { return durable; }
}
