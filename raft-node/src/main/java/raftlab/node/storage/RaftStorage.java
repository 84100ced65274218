package raftlab.node.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.PersistentState;
import raftlab.raft.Snapshot;

/**
 * Everything a Raft server keeps on disk: the write-ahead log, the hard state file and snapshots.
 * {@link #persist} does one step's worth of writing with one fsync of the log; when it returns, all
 * of it is durable (except under the no-fsync bug), and the caller may send the step's messages.
 */
public final class RaftStorage implements AutoCloseable {
    /** Segments roll over at this size; snapshots let whole old segments be deleted. */
    public static final long DEFAULT_SEGMENT_BYTES = 16L * 1024 * 1024;

    private final SegmentedLog log;
    private final SnapshotStore snapshots;
    private final HardStateFile hardState;
    private final EntryCodec codec;
    private final StorageObserver observer;
    private final PersistentState recovered;
    /** Index to term of every stored entry after the snapshot, to decide what an installed snapshot keeps. */
    private final TreeMap<Long, Long> terms = new TreeMap<>();
    private boolean failed;

    private RaftStorage(SegmentedLog log, SnapshotStore snapshots, HardStateFile hardState, EntryCodec codec,
                        StorageObserver observer, PersistentState recovered) {
        this.log = log;
        this.snapshots = snapshots;
        this.hardState = hardState;
        this.codec = codec;
        this.observer = observer;
        this.recovered = recovered;
        for (Entry entry : recovered.entries()) terms.put(entry.index(), entry.term());
    }

    /**
     * Opens (creating if needed) the storage in {@code dir} and recovers its state. A torn last record is
     * cut off and logged; damage anywhere else throws {@link StorageCorruptException}.
     *
     * @param deferWrites the no-fsync bug: log writes wait in memory until {@link #flushDeferred}
     */
    public static RaftStorage open(FileLayer fs, Path dir, long segmentBytes, boolean deferWrites, EntryCodec codec,
                                   StorageObserver observer, Consumer<String> logLine) throws IOException {
        fs.createDirectories(dir);
        DataFiles files = DataFiles.of(fs, dir);
        SnapshotStore snapshots = new SnapshotStore(fs, dir);
        HardStateFile hardStateFile = new HardStateFile(fs, dir);
        HardState hard = hardStateFile.load();
        boolean hadHardState = hardStateFile.found();
        if (hardStateFile.lastSegment() > files.lastSegment()) {
            throw new StorageCorruptException("the newest log segment is missing from " + dir + ": the hard state records segment "
                    + hardStateFile.lastSegment() + " but the newest there is " + (files.lastSegment() == 0 ? "none" : files.lastSegment())
                    + "; restore this data directory from a replica's copy, or run 'raft-node repair --data-dir " + dir + "' to accept the loss");
        }
        Snapshot snapshot = snapshots.loadLatest(logLine);
        SegmentedLog.Opened opened = SegmentedLog.open(fs, dir, files.segments(), segmentBytes, deferWrites,
                hardStateFile::recordSegment, logLine);
        if (!hadHardState && (snapshot != null || opened.records().stream().anyMatch(r -> r.type() == LogRecord.ENTRY))) {
            opened.log().close();
            throw new StorageCorruptException("the hard state file is missing from " + dir + " beside a non-empty log, so this node "
                    + "cannot know its term or vote (it could vote twice in one term); restore this data directory from a replica's copy, "
                    + "or remove it and add the node back as a new member");
        }
        List<Entry> entries = replay(opened.records(), snapshot, codec, dir);
        return new RaftStorage(opened.log(), snapshots, hardStateFile, codec, observer,
                new PersistentState(hard, snapshot, entries));
    }

    /** The state found at open. */
    public PersistentState recovered() { return recovered; }

    private static List<Entry> replay(List<LogRecord> records, Snapshot snapshot, EntryCodec codec, Path dir) {
        Replay replay = new Replay();
        for (LogRecord record : records) {
            if (record.type() == LogRecord.ENTRY) replay.entry(record);
            else replay.mark(record.index(), record.keepsLogAfter());
        }
        long snapshotIndex = snapshot == null ? 0 : snapshot.index();
        // The mark of the newest snapshot may have been lost with an unsynced tail; the file itself is durable.
        // No segment was deleted for that snapshot yet, so the entries its rule needs are all here.
        if (snapshot != null && snapshot.index() > replay.baseIndex) {
            LogRecord at = replay.entries.get(snapshot.index());
            replay.mark(snapshot.index(), at != null && at.term() == snapshot.term());
        }
        if (replay.baseIndex > snapshotIndex) {
            throw new StorageCorruptException("the write-ahead log in " + dir + " refers to a snapshot at index " + replay.baseIndex
                    + " but the newest snapshot file is at index " + snapshotIndex
                    + "; restore this data directory from a replica's copy, or remove it and add the node back as a new member");
        }
        List<Entry> entries = new ArrayList<>(replay.entries.size());
        long expected = replay.baseIndex + 1;
        for (Map.Entry<Long, LogRecord> e : replay.entries.entrySet()) {
            if (e.getKey() != expected) {
                throw new StorageCorruptException("the write-ahead log in " + dir + " has a gap: entry " + expected
                        + " is missing before entry " + e.getKey()
                        + "; restore this data directory from a replica's copy, or remove it and add the node back as a new member");
            }
            Entry entry = codec.decode(e.getValue().body());
            if (entry.index() != e.getKey() || entry.term() != e.getValue().term()) {
                throw new StorageCorruptException("the write-ahead log in " + dir + " holds a record for entry " + e.getKey()
                        + " whose body says entry " + entry.index() + "; restore this data directory from a replica's copy");
            }
            entries.add(entry);
            expected++;
        }
        return entries;
    }

    /** Replays records in order: a later entry replaces its index and everything after; a mark drops what its snapshot covers. */
    private static final class Replay {
        final TreeMap<Long, LogRecord> entries = new TreeMap<>();
        long baseIndex;

        void entry(LogRecord record) {
            if (record.index() <= baseIndex) return;
            entries.tailMap(record.index(), true).clear();
            entries.put(record.index(), record);
        }

        void mark(long index, boolean keepsLogAfter) {
            if (index <= baseIndex) return;
            if (keepsLogAfter) entries.headMap(index, true).clear();
            else entries.clear();
            baseIndex = index;
        }
    }

    /** Persists one step: snapshot, entries, hard state; one fsync of the log. Throws {@link StorageFailedException}. */
    public void persist(Snapshot snapshot, List<Entry> entries, HardState state) {
        if (failed) throw new StorageFailedException("storage stopped after an earlier write failure", null);
        try {
            List<LogRecord> records = new ArrayList<>(entries.size() + 1);
            if (snapshot != null) {
                log.flushDeferred();
                snapshots.save(snapshot);
                // Raft's rule for an installed snapshot: keep the log after it only if the log holds its last entry.
                boolean keep = Long.valueOf(snapshot.term()).equals(terms.get(snapshot.index()));
                if (keep) terms.headMap(snapshot.index(), true).clear();
                else terms.clear();
                records.add(LogRecord.snapshotMark(snapshot.index(), snapshot.term(), keep));
            }
            if (!entries.isEmpty()) terms.tailMap(entries.get(0).index(), true).clear();
            for (Entry entry : entries) {
                records.add(LogRecord.entry(entry.index(), entry.term(), codec.encode(entry)));
                terms.put(entry.index(), entry.term());
            }
            // The hard state goes first, durable before any of this step's log bytes can reach the disk, so that a
            // log with entries never lies beside a missing or older hard state (recovery refuses that combination).
            if (state != null) hardState.save(state);
            long start = System.nanoTime();
            log.append(records);
            long written = System.nanoTime();
            log.sync();
            if (!records.isEmpty()) {
                observer.appended(written - start);
                observer.synced(System.nanoTime() - written);
            }
            if (snapshot != null) log.dropSegmentsUpTo(snapshot.index());
        } catch (IOException e) {
            failed = true;
            throw new StorageFailedException("writing to the data directory failed (" + e.getMessage() + ")", e);
        } catch (StorageFailedException e) {
            failed = true;
            throw e;
        }
    }

    /** The no-fsync bug's background flush: writes and fsyncs what waited in memory. */
    public void flushDeferred() {
        if (failed) return;
        try {
            log.flushDeferred();
        } catch (StorageFailedException e) {
            failed = true;
            throw e;
        }
    }

    public int segmentCount() { return log.segmentCount(); }

    @Override public void close() throws IOException { log.close(); }
}
