package raftlab.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory log after the latest snapshot, and how much of it is durable.
 *
 * <p>Invariants: entries are contiguous from {@code snapshotIndex + 1}, their terms never decrease,
 * and {@code persistedIndex <= lastIndex()}. Entries from {@code unstableFrom} on have not yet been
 * handed to the caller for persisting.
 */
final class RaftLog {
    private long snapshotIndex;
    private long snapshotTerm;
    private final ArrayList<Entry> entries = new ArrayList<>();
    /** The first index not yet handed out in a ServerReady. */
    private long unstableFrom = 1;
    /** Everything up to here is durable on this server's disk (the caller has advanced past it). */
    private long persistedIndex;

    RaftLog(long snapshotIndex, long snapshotTerm) {
        this.snapshotIndex = snapshotIndex;
        this.snapshotTerm = snapshotTerm;
        this.unstableFrom = snapshotIndex + 1;
        this.persistedIndex = snapshotIndex;
    }

    long snapshotIndex() { return snapshotIndex; }

    long snapshotTerm() { return snapshotTerm; }

    long firstIndex() { return snapshotIndex + 1; }

    long lastIndex() { return snapshotIndex + entries.size(); }

    long lastTerm() { return entries.isEmpty() ? snapshotTerm : entries.get(entries.size() - 1).term(); }

    long persistedIndex() { return persistedIndex; }

    /** The term of the entry at {@code index}, or -1 when it is compacted away or beyond the end. */
    long termAt(long index) {
        if (index == snapshotIndex) return snapshotTerm;
        if (index < snapshotIndex || index > lastIndex()) return -1;
        return entries.get((int) (index - snapshotIndex - 1)).term();
    }

    /** The entry at {@code index}, or null when it is compacted away or beyond the end. */
    Entry entry(long index) {
        if (index <= snapshotIndex || index > lastIndex()) return null;
        return entries.get((int) (index - snapshotIndex - 1));
    }

    void append(Entry entry) {
        if (entry.index() != lastIndex() + 1) {
            throw new IllegalStateException("appending entry " + entry.index() + " to a log that ends at " + lastIndex());
        }
        if (entry.term() < lastTerm()) {
            throw new IllegalStateException("appending entry " + entry.index() + " of term " + entry.term()
                    + " after an entry of term " + lastTerm());
        }
        entries.add(entry);
    }

    /** Removes every entry at or after {@code index}. The caller checks that none of them is committed. */
    void truncateFrom(long index) {
        if (index <= snapshotIndex) throw new IllegalStateException("truncating at " + index + " inside the snapshot at " + snapshotIndex);
        int keep = (int) (index - snapshotIndex - 1);
        if (keep < entries.size()) entries.subList(keep, entries.size()).clear();
        unstableFrom = Math.min(unstableFrom, index);
        persistedIndex = Math.min(persistedIndex, index - 1);
    }

    /** A copy of the entries in [from, to], at most {@code max} of them. */
    List<Entry> slice(long from, long to, int max) {
        long end = Math.min(to, from + max - 1);
        if (end < from) return List.of();
        int start = (int) (from - snapshotIndex - 1);
        return new ArrayList<>(entries.subList(start, (int) (end - snapshotIndex)));
    }

    /** Drops entries up to {@code index} (covered by a snapshot), keeping any that follow. */
    void compact(long index, long term) {
        if (index <= snapshotIndex) return;
        if (index >= lastIndex()) {
            entries.clear();
        } else {
            entries.subList(0, (int) (index - snapshotIndex)).clear();
        }
        snapshotIndex = index;
        snapshotTerm = term;
        unstableFrom = Math.max(unstableFrom, index + 1);
    }

    /** Replaces the whole log by a snapshot's position (a snapshot that does not match our log). */
    void resetTo(long index, long term) {
        entries.clear();
        snapshotIndex = index;
        snapshotTerm = term;
        unstableFrom = index + 1;
        persistedIndex = Math.min(persistedIndex, index);
    }

    /** The last index at or below {@code upTo} whose entry has {@code term}, or -1 if we hold none. */
    long lastIndexOfTerm(long term, long upTo) {
        for (long i = Math.min(upTo, lastIndex()); i > snapshotIndex; i--) {
            long t = termAt(i);
            if (t == term) return i;
            if (t < term) return -1;
        }
        return -1;
    }

    /** The first index of the run of entries with the same term as the entry at {@code index}. */
    long firstIndexOfTermAt(long index) {
        long term = termAt(index);
        long first = index;
        while (first - 1 > snapshotIndex && termAt(first - 1) == term) first--;
        return first;
    }

    boolean hasUnstable() { return unstableFrom <= lastIndex(); }

    /** The entries not yet handed out for persisting; they count as handed out from now on. */
    List<Entry> takeUnstable() {
        if (!hasUnstable()) return List.of();
        List<Entry> result = slice(unstableFrom, lastIndex(), Integer.MAX_VALUE);
        unstableFrom = lastIndex() + 1;
        return result;
    }

    /** The caller persisted entries up to ({@code index}, {@code term}); counts only if that entry is still ours. */
    void markPersisted(long index, long term) {
        if (termAt(index) == term && index > persistedIndex) persistedIndex = index;
    }

    /** Everything restored from disk is durable. */
    void markAllPersisted() {
        persistedIndex = lastIndex();
        unstableFrom = lastIndex() + 1;
    }
}
