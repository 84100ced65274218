package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.PersistentState;
import raftlab.raft.Snapshot;

/** One view of a node's storage: hard state, latest snapshot and the log after it, updated as ServerReady says. */
final class LogStore {
    private HardState hardState = HardState.INITIAL;
    private Snapshot snapshot;
    /** Entries at indexes snapshotIndex()+1, +2, ... */
    private final ArrayList<Entry> entries = new ArrayList<>();

    LogStore() {}

    LogStore(LogStore other) {
        hardState = other.hardState;
        snapshot = other.snapshot;
        entries.addAll(other.entries);
    }

    void write(Snapshot newSnapshot, List<Entry> newEntries, HardState newHardState) {
        if (newSnapshot != null) installSnapshot(newSnapshot);
        if (!newEntries.isEmpty()) append(newEntries);
        if (newHardState != null) hardState = newHardState;
    }

    private void installSnapshot(Snapshot s) {
        long oldBase = snapshotIndex();
        long keep = s.index() - oldBase; // entries at or below the snapshot's index are dropped
        if (keep >= entries.size()) {
            entries.clear();
        } else if (keep > 0) {
            entries.subList(0, (int) keep).clear();
        } else {
            entries.clear(); // an older snapshot than ours: the caller asked for it, so the log restarts from it
        }
        snapshot = s;
    }

    private void append(List<Entry> newEntries) {
        long first = newEntries.get(0).index();
        long base = snapshotIndex();
        if (first <= base) throw new IllegalStateException("entry " + first + " written at or below the snapshot at " + base);
        long position = first - base - 1;
        if (position > entries.size()) {
            throw new IllegalStateException("entry " + first + " written after a gap: the log ends at " + lastIndex());
        }
        if (position < entries.size()) entries.subList((int) position, entries.size()).clear();
        entries.addAll(newEntries);
    }

    HardState hardState() { return hardState; }

    Snapshot snapshot() { return snapshot; }

    long snapshotIndex() { return snapshot == null ? 0 : snapshot.index(); }

    long lastIndex() { return snapshotIndex() + entries.size(); }

    /** The entry at {@code index}, or null when it is in the snapshot or beyond the log. */
    Entry entryAt(long index) {
        long position = index - snapshotIndex() - 1;
        return position < 0 || position >= entries.size() ? null : entries.get((int) position);
    }

    /** The term at {@code index}: the snapshot's term at its own index, 0 at index 0, -1 when unknown. */
    long termAt(long index) {
        if (index == 0) return 0;
        long base = snapshotIndex();
        if (index == base) return snapshot.term();
        Entry e = entryAt(index);
        return e == null ? -1 : e.term();
    }

    /** Whether this storage holds the entry at {@code index} with {@code term}, itself or inside the snapshot. */
    boolean holds(long index, long term) {
        if (index <= snapshotIndex()) return true;
        return termAt(index) == term;
    }

    PersistentState toPersistentState() {
        return new PersistentState(hardState, snapshot, List.copyOf(entries));
    }
}
