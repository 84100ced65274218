package raftlab.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An append-only write-ahead log split into segment files {@code wal-<sequence>.log}. Writes append;
 * a later entry record with an index already present replaces that entry and everything after it
 * (replay applies this rule), so nothing is ever overwritten in place. The oldest segments are deleted
 * once a durable snapshot covers every entry in them.
 *
 * <p>Group commit: {@link #append} writes a whole batch with one write, {@link #sync} makes it durable
 * with one fsync. A new segment's name is made durable (directory fsync) as soon as it is created,
 * and the previous segment is fsynced before it, so only the last segment can ever have a torn tail.
 */
public final class SegmentedLog implements AutoCloseable {
    static final String PREFIX = "wal-";
    static final String SUFFIX = ".log";

    private final FileLayer fs;
    private final Path dir;
    private final long segmentBytes;
    private final boolean deferWrites;
    private final SegmentStarted started;
    /** Sequence number of each segment to the highest entry index in it (0 when none). */
    private final TreeMap<Long, Long> segmentMaxIndex = new TreeMap<>();
    private final List<ByteBuffer> deferred = new ArrayList<>();
    private FileLayer.FileHandle active;
    private long activeSequence;
    private long activeSize;
    private boolean failed;

    /**
     * @param deferWrites the no-fsync bug: batches stay in this process's memory until {@link #flushDeferred},
     *                    so they are acknowledged before any disk has seen them
     */
    private SegmentedLog(FileLayer fs, Path dir, long segmentBytes, boolean deferWrites, SegmentStarted started) {
        this.fs = fs;
        this.started = started;
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.deferWrites = deferWrites;
    }

    /** The log's records, in the order written, and the log opened for appending after them. */
    public record Opened(SegmentedLog log, List<LogRecord> records) {}

    /** Told when a new segment's name is durable, so that its number can be recorded (see {@link HardStateFile}). */
    public interface SegmentStarted {
        SegmentStarted NONE = sequence -> {};

        void started(long sequence) throws IOException;
    }

    /**
     * Reads every segment (in the order of {@code sequences}, which the caller found and checked) and opens
     * the log for appending. Only the last segment may end in a torn write, which is cut off and logged.
     * Appends always go to a version 2 segment: when the last one is of version 1, a new one is started.
     */
    public static Opened open(FileLayer fs, Path dir, List<Long> sequences, long segmentBytes, boolean deferWrites,
                              SegmentStarted started, Consumer<String> logLine) throws IOException {
        SegmentedLog log = new SegmentedLog(fs, dir, segmentBytes, deferWrites, started);
        List<LogRecord> records = new ArrayList<>();
        boolean lastIsVersion2 = false;
        for (int i = 0; i < sequences.size(); i++) {
            long sequence = sequences.get(i);
            boolean last = i == sequences.size() - 1;
            Path file = log.segmentPath(sequence);
            SegmentScan scan = SegmentScan.of(fs.readAll(file), last, lastIsVersion2);
            if (scan.ending() instanceof SegmentScan.Ending.NeverWritten) {
                logLine.accept("recovery: " + file + " was being started when a crash came and holds nothing; started it again");
                fs.delete(file);
                log.startSegment(sequence);
                return new Opened(log, records);
            }
            if (scan.ending() instanceof SegmentScan.Ending.Damaged d) throw corrupt(file, d.offset(), d.why());
            lastIsVersion2 = scan.version2();
            records.addAll(scan.records());
            log.segmentMaxIndex.put(sequence, scan.maxIndex());
            if (scan.ending() instanceof SegmentScan.Ending.Torn t) {
                logLine.accept("recovery: " + t.why() + " at byte offset " + t.offset() + " of " + file
                        + "; cut it off (a crash interrupted that write, so it was never acknowledged)");
                try (FileLayer.FileHandle handle = fs.open(file)) {
                    handle.truncate(t.offset());
                    handle.force();
                }
            }
        }
        if (sequences.isEmpty() || !lastIsVersion2) {
            long next = sequences.isEmpty() ? 1 : sequences.get(sequences.size() - 1) + 1;
            if (!sequences.isEmpty()) logLine.accept("recovery: the log continues in a new version 2 segment " + log.segmentPath(next));
            log.startSegment(next);
        } else {
            long lastSequence = sequences.get(sequences.size() - 1);
            log.active = fs.open(log.segmentPath(lastSequence));
            log.activeSequence = lastSequence;
            log.activeSize = log.active.size();
        }
        return new Opened(log, records);
    }

    private static StorageCorruptException corrupt(Path file, long offset, String why) {
        return new StorageCorruptException("the write-ahead log is corrupt: " + why + " at byte offset " + offset
                + " of " + file + "; restore this data directory from a replica's copy, or run 'raft-node repair --data-dir " + file.getParent()
                + "' to see what dropping the damage would lose");
    }

    private Path segmentPath(long sequence) { return dir.resolve(name(sequence)); }

    static String name(long sequence) { return String.format("%s%020d%s", PREFIX, sequence, SUFFIX); }

    /** The sequence number in a segment's name, or -1 when the name is not a segment's. */
    static long sequenceOf(String name) { return NumberedName.numberIn(name, PREFIX, SUFFIX); }

    /** The header is durable before the name, so a segment that exists after a crash always has its header. */
    private void startSegment(long sequence) throws IOException {
        active = fs.open(segmentPath(sequence));
        active.append(SegmentFormat.segmentHeader());
        active.force();
        activeSequence = sequence;
        activeSize = SegmentFormat.SEGMENT_HEADER_BYTES;
        segmentMaxIndex.put(sequence, 0L);
        fs.syncDirectory(dir);
        started.started(sequence);
    }

    /** Writes the records (one write call per batch); durable only after {@link #sync}. */
    public void append(List<LogRecord> records) {
        if (records.isEmpty()) return;
        checkUsable();
        int bytes = 0;
        List<byte[]> payloads = new ArrayList<>(records.size());
        long maxIndex = 0;
        for (LogRecord record : records) {
            byte[] payload = record.toPayload();
            payloads.add(payload);
            bytes += SegmentFormat.framedSize(payload);
            if (record.type() == LogRecord.ENTRY) maxIndex = Math.max(maxIndex, record.index());
        }
        ByteBuffer batch = ByteBuffer.allocate(bytes);
        for (byte[] payload : payloads) SegmentFormat.write(batch, payload);
        batch.flip();
        if (deferWrites) {
            deferred.add(batch);
            noteMaxIndex(maxIndex);
            return;
        }
        write(batch, maxIndex);
    }

    private void write(ByteBuffer batch, long maxIndex) {
        try {
            if (activeSize > SegmentFormat.SEGMENT_HEADER_BYTES && activeSize + batch.remaining() > segmentBytes) {
                active.force();
                active.close();
                startSegment(activeSequence + 1);
            }
            active.append(batch);
            activeSize += batch.limit();
            noteMaxIndex(maxIndex);
        } catch (IOException e) {
            throw fail("writing the write-ahead log", e);
        }
    }

    private void noteMaxIndex(long maxIndex) { segmentMaxIndex.merge(activeSequence, maxIndex, Math::max); }

    /** One fsync for everything appended since the last one (group commit). */
    public void sync() {
        if (deferWrites) return;
        checkUsable();
        try {
            active.force();
        } catch (IOException e) {
            throw fail("fsyncing the write-ahead log", e);
        }
    }

    /** Writes and fsyncs what the no-fsync bug kept in memory. */
    public void flushDeferred() {
        if (deferred.isEmpty()) return;
        checkUsable();
        for (ByteBuffer batch : deferred) write(batch, 0);
        deferred.clear();
        try {
            active.force();
        } catch (IOException e) {
            throw fail("fsyncing the write-ahead log", e);
        }
    }

    /**
     * Deletes the oldest segments, up to the first that is active or holds an entry after {@code snapshotIndex}.
     * Only a prefix may go: a record replaces its index and everything after it, so a later segment whose entries the
     * snapshot covers may still hold the overwrite that hides an earlier segment's entries past the snapshot (a
     * follower's conflicting tail); deleting it alone would bring those entries back at the next recovery.
     */
    public void dropSegmentsUpTo(long snapshotIndex) {
        checkUsable();
        List<Long> doomed = new ArrayList<>();
        for (Map.Entry<Long, Long> segment : segmentMaxIndex.entrySet()) {
            if (segment.getKey() == activeSequence || segment.getValue() > snapshotIndex) break;
            doomed.add(segment.getKey());
        }
        try {
            for (long sequence : doomed) {
                fs.delete(segmentPath(sequence));
                segmentMaxIndex.remove(sequence);
            }
        } catch (IOException e) {
            throw fail("deleting old log segments", e);
        }
    }

    public int segmentCount() { return segmentMaxIndex.size(); }

    private void checkUsable() {
        if (failed) throw new StorageFailedException("storage stopped after an earlier write failure", null);
    }

    private StorageFailedException fail(String what, IOException e) {
        failed = true;
        return new StorageFailedException(what + " in " + dir + " failed (" + e.getMessage() + ")", e);
    }

    @Override public void close() throws IOException {
        if (active != null) active.close();
    }
}
