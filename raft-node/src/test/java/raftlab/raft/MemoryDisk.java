package raftlab.raft;

import java.util.ArrayList;
import java.util.TreeMap;

/** One server's disk in tests: it holds exactly what the server asked to persist, and rebuilds PersistentState from it. */
final class MemoryDisk {
    HardState hardState = HardState.INITIAL;
    Snapshot snapshot;
    final TreeMap<Long, Entry> entries = new TreeMap<>();

    void persist(ServerReady ready) {
        if (ready.snapshot() != null) {
            snapshot = ready.snapshot();
            entries.headMap(snapshot.index(), true).clear();
        }
        if (!ready.entries().isEmpty()) {
            entries.tailMap(ready.entries().get(0).index(), true).clear();
            for (Entry e : ready.entries()) entries.put(e.index(), e);
        }
        if (ready.hardState() != null) hardState = ready.hardState();
    }

    PersistentState load() { return new PersistentState(hardState, snapshot, new ArrayList<>(entries.values())); }
}
