package raftlab.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.raft.Command;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.NodeId;

/**
 * Damage to complete records is never taken for a torn write, and a data directory that lost a file
 * or holds a stranger is refused with one sentence. Each case failed before version 2 segments.
 */
class StorageDamageTest {
    @TempDir Path dir;

    private RaftStorage open(List<String> logLines, long segmentBytes) throws Exception {
        return RaftStorage.open(new RealFileLayer(), dir, segmentBytes, false, new TestEntryCodec(), StorageObserver.NONE, logLines::add);
    }

    private RaftStorage open() throws Exception { return open(new ArrayList<>(), 1 << 20); }

    private void writeEntries(int count, long segmentBytes) throws Exception {
        try (RaftStorage storage = open(new ArrayList<>(), segmentBytes)) {
            for (int i = 1; i <= count; i++) {
                storage.persist(null, List.of(new Entry(i, 1, new Command.Noop())), i == 1 ? new HardState(1, NodeId.of("n1"), 0) : null);
            }
        }
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().toList();
        }
    }

    /** The byte offset where the last of {@code count} equally sized records starts. */
    private static long lastRecordStart(Path segment, int count) throws Exception {
        long recordBytes = (Files.size(segment) - SegmentFormat.SEGMENT_HEADER_BYTES) / count;
        return SegmentFormat.SEGMENT_HEADER_BYTES + (count - 1) * recordBytes;
    }

    private static void zero(Path file, long from) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(from);
            f.write(new byte[(int) (f.length() - from)]);
        }
    }

    private static void assertRefusedAt(StorageCorruptException e, Path file, long offset) {
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset " + offset), e.getMessage());
    }

    @Test void aFlippedBitInTheLastRecordsLengthIsDamageNotATornWrite() throws Exception {
        writeEntries(5, 1 << 20);
        Path segment = segments().get(0);
        long last = lastRecordStart(segment, 5);
        long size = Files.size(segment);
        // Bit 4 of the length's third byte makes the record run past the end of the file, as a torn write would.
        Damage.flipBit(segment, last + 2, 4);
        StorageCorruptException e = assertThrows(StorageCorruptException.class, this::open);
        assertRefusedAt(e, segment, last);
        assertEquals(size, Files.size(segment), "nothing may be cut off");
    }

    @Test void zerosFromInsideTheLastRecordToTheEndAreDamage() throws Exception {
        writeEntries(5, 1 << 20);
        Path segment = segments().get(0);
        long last = lastRecordStart(segment, 5);
        long size = Files.size(segment);
        zero(segment, last + 5);
        assertThrows(StorageCorruptException.class, this::open);
        assertEquals(size, Files.size(segment), "the damaged segment must be left as it was");
    }

    @Test void zerosFromARecordBoundaryToTheEndAreATornWriteAndAreCutOff() throws Exception {
        writeEntries(5, 1 << 20);
        Path segment = segments().get(0);
        zero(segment, lastRecordStart(segment, 5));
        List<String> lines = new ArrayList<>();
        try (RaftStorage storage = open(lines, 1 << 20)) {
            assertEquals(4, storage.recovered().entries().size());
        }
        assertTrue(lines.get(0).contains("zeros never written") && lines.get(0).contains("cut it off"), lines.toString());
    }

    @Test void damageInASegmentBeforeTheLastIsNeverCut() throws Exception {
        writeEntries(40, 300);
        List<Path> segments = segments();
        assertTrue(segments.size() >= 3, "the test needs several segments, got " + segments);
        Path first = segments.get(0);
        Files.write(first, java.util.Arrays.copyOf(Files.readAllBytes(first), (int) Files.size(first) - 2));
        StorageCorruptException e = assertThrows(StorageCorruptException.class, this::open);
        assertTrue(e.getMessage().contains("not the last") && e.getMessage().contains(first.toString()), e.getMessage());
    }

    @Test void aStrangerFileInTheDataDirectoryIsRefusedWithOneSentence() throws Exception {
        writeEntries(2, 1 << 20);
        Files.writeString(dir.resolve("wal-abc.log"), "x");
        StorageCorruptException e = assertThrows(StorageCorruptException.class, this::open);
        assertTrue(e.getMessage().contains("(wal-abc.log)") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test void aMissingHardStateBesideANonEmptyLogIsRefused() throws Exception {
        writeEntries(3, 1 << 20);
        Files.delete(dir.resolve("hardstate"));
        StorageCorruptException e = assertThrows(StorageCorruptException.class, this::open);
        assertTrue(e.getMessage().contains("hard state file is missing"), e.getMessage());
    }

    @Test void aMissingLastSegmentIsRefused() throws Exception {
        writeEntries(40, 300);
        List<Path> segments = segments();
        Files.delete(segments.get(segments.size() - 1));
        StorageCorruptException e = assertThrows(StorageCorruptException.class, () -> open(new ArrayList<>(), 300));
        assertTrue(e.getMessage().contains("newest log segment is missing"), e.getMessage());
    }

    @Test void aMissingMiddleSegmentIsRefused() throws Exception {
        writeEntries(40, 300);
        List<Path> segments = segments();
        Files.delete(segments.get(1));
        StorageCorruptException e = assertThrows(StorageCorruptException.class, () -> open(new ArrayList<>(), 300));
        assertTrue(e.getMessage().contains(segments.get(1).toString() + " is missing"), e.getMessage());
    }

    @Test void version1SegmentsAreReadAndTheLogContinuesInAVersion2Segment() throws Exception {
        // A data directory as the previous version wrote it: one segment of (length, CRC32C, payload) records.
        TestEntryCodec codec = new TestEntryCodec();
        ByteBuffer old = ByteBuffer.allocate(4096);
        for (int i = 1; i <= 3; i++) {
            Records.write(old, LogRecord.entry(i, 1, codec.encode(new Entry(i, 1, new Command.Noop()))).toPayload());
        }
        Files.write(dir.resolve(SegmentedLog.name(1)), java.util.Arrays.copyOf(old.array(), old.position()));
        new HardStateFile(new RealFileLayer(), dir).save(new HardState(1, NodeId.of("n2"), 0));
        try (RaftStorage storage = open()) {
            assertEquals(3, storage.recovered().entries().size());
            assertEquals(NodeId.of("n2"), storage.recovered().hardState().votedFor());
            storage.persist(null, List.of(new Entry(4, 2, new Command.Noop())), null);
        }
        List<Path> segments = segments();
        assertEquals(2, segments.size());
        assertTrue(SegmentFormat.isVersion2(Files.readAllBytes(segments.get(1))));
        try (RaftStorage storage = open()) {
            assertEquals(4, storage.recovered().entries().size());
            assertEquals(2, storage.recovered().entries().get(3).term());
        }
    }
}
