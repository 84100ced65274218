package raftlab.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.raft.Command;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.NodeId;

/** Repair reports before it drops, drops only the damage and what follows it, and marks the node as rejoining. */
class LogRepairTest {
    @TempDir Path dir;
    private final RealFileLayer fs = new RealFileLayer();

    private RaftStorage open(long segmentBytes) throws Exception {
        return RaftStorage.open(fs, dir, segmentBytes, false, new TestEntryCodec(), StorageObserver.NONE, line -> {});
    }

    private void writeEntries(int count, long segmentBytes) throws Exception {
        try (RaftStorage storage = open(segmentBytes)) {
            for (int i = 1; i <= count; i++) {
                storage.persist(null, List.of(new Entry(i, 3, new Command.Noop())), i == 1 ? new HardState(3, NodeId.of("n2"), 0) : null);
            }
        }
    }

    private List<Path> segments() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().toList();
        }
    }

    @Test void aDamagedLengthIsReportedThenDroppedAndTheNodeRejoins() throws Exception {
        writeEntries(5, 1 << 20);
        Path segment = segments().get(0);
        Records.Scan scan = SegmentFormat.scan(Files.readAllBytes(segment));
        long last = scan.offsets().get(4);
        Damage.flipBit(segment, last + 1, 0);
        long size = Files.size(segment);
        LogRepair.Plan plan = LogRepair.plan(fs, dir);
        assertTrue(plan.needed());
        assertEquals(4, plan.keptLastIndex());
        assertTrue(plan.findings().get(0).contains("byte offset " + last), plan.findings().toString());
        assertEquals(size, Files.size(segment), "planning must change nothing");
        assertThrows(StorageCorruptException.class, () -> open(1 << 20));

        LogRepair.apply(fs, dir, plan);
        try (RaftStorage storage = open(1 << 20)) {
            assertEquals(4, storage.recovered().entries().size());
            HardState hard = storage.recovered().hardState();
            assertEquals(3, hard.term());
            assertEquals(NodeId.of("n2"), hard.votedFor(), "repair must keep the vote");
            assertEquals(HardState.REJOIN_UNKNOWN, hard.rejoinIndex());
        }
        assertFalse(LogRepair.plan(fs, dir).needed(), "a repaired log needs no more repair");
    }

    @Test void damageInAnEarlierSegmentDropsEveryLaterSegment() throws Exception {
        writeEntries(40, 300);
        List<Path> segments = segments();
        assertTrue(segments.size() >= 3, segments.toString());
        Path first = segments.get(0);
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            f.seek(SegmentFormat.SEGMENT_HEADER_BYTES + 2);
            f.write(0x7f);
        }
        LogRepair.Plan plan = LogRepair.plan(fs, dir);
        assertEquals(segments.subList(1, segments.size()), plan.delete());
        LogRepair.apply(fs, dir, plan);
        try (RaftStorage storage = open(300)) {
            assertEquals(0, storage.recovered().entries().size());
            assertEquals(HardState.REJOIN_UNKNOWN, storage.recovered().hardState().rejoinIndex());
            storage.persist(null, List.of(new Entry(1, 4, new Command.Noop())), null);
        }
        try (RaftStorage storage = open(300)) {
            assertEquals(1, storage.recovered().entries().size(), "the repaired log must take new entries");
        }
    }

    @Test void aMissingLastSegmentIsAcceptedOnlyThroughRepair() throws Exception {
        writeEntries(40, 300);
        List<Path> segments = segments();
        Files.delete(segments.get(segments.size() - 1));
        assertThrows(StorageCorruptException.class, () -> open(300));
        LogRepair.Plan plan = LogRepair.plan(fs, dir);
        assertTrue(plan.needed(), plan.toString());
        LogRepair.apply(fs, dir, plan);
        try (RaftStorage storage = open(300)) {
            assertEquals(HardState.REJOIN_UNKNOWN, storage.recovered().hardState().rejoinIndex());
        }
    }

    @Test void aVersion1SegmentAfterAVersion2OneIsRefusedAtStartAndRepaired() throws Exception {
        writeEntries(40, 300);
        List<Path> segments = segments();
        // This version never writes a version 1 segment, so one after a version 2 segment is damage (such as a version 2
        // header that lost its magic) even when its records read well: start-up refuses it, and repair must agree.
        TestEntryCodec codec = new TestEntryCodec();
        ByteBuffer old = ByteBuffer.allocate(4096);
        for (int i = 41; i <= 43; i++) Records.write(old, LogRecord.entry(i, 3, codec.encode(new Entry(i, 3, new Command.Noop()))).toPayload());
        Path stranger = dir.resolve(SegmentedLog.name(segments.size() + 1));
        Files.write(stranger, Arrays.copyOf(old.array(), old.position()));

        StorageCorruptException refused = assertThrows(StorageCorruptException.class, () -> open(300));
        assertTrue(refused.getMessage().contains("not a version 2 segment's"), refused.getMessage());
        LogRepair.Plan plan = LogRepair.plan(fs, dir);
        assertTrue(plan.needed(), "start-up refuses this log, so repair must not call it intact: " + plan);
        assertEquals(40, plan.keptLastIndex());
        assertTrue(plan.findings().get(0).startsWith(stranger + ": the segment header is not a version 2 segment's"), plan.findings().toString());
        assertTrue(plan.changes().stream().anyMatch(change -> change.contains("rejoining")), "dropping entries must be said and marked: " + plan);

        LogRepair.apply(fs, dir, plan);
        try (RaftStorage storage = open(300)) {
            List<Entry> entries = storage.recovered().entries();
            assertEquals(40, entries.size(), "repair must keep every entry before the damage");
            for (int i = 0; i < 40; i++) assertEquals(new Entry(i + 1, 3, new Command.Noop()), entries.get(i));
            assertEquals(HardState.REJOIN_UNKNOWN, storage.recovered().hardState().rejoinIndex(),
                    "entries 41 to 43 may have been acknowledged: the node must not vote until a leader has caught it up");
        }
        assertFalse(LogRepair.plan(fs, dir).needed(), "a repaired log needs no more repair");
    }

    @Test void aRecordOfAnUnknownTypeIsDamageToStartUpAndRepairAlike() throws Exception {
        writeEntries(5, 1 << 20);
        Path segment = segments().get(0);
        long end = Files.size(segment);
        byte[] unknown = LogRecord.entry(6, 3, new byte[0]).toPayload();
        unknown[0] = 9;
        ByteBuffer framed = ByteBuffer.allocate(SegmentFormat.framedSize(unknown));
        SegmentFormat.write(framed, unknown);
        Files.write(segment, framed.array(), java.nio.file.StandardOpenOption.APPEND);

        assertThrows(StorageCorruptException.class, () -> open(1 << 20));
        LogRepair.Plan plan = LogRepair.plan(fs, dir);
        assertTrue(plan.needed(), "start-up refuses this log, so repair must not call it intact: " + plan);
        assertEquals(segment, plan.truncate());
        assertEquals(end, plan.truncateAt());
        LogRepair.apply(fs, dir, plan);
        try (RaftStorage storage = open(1 << 20)) {
            assertEquals(5, storage.recovered().entries().size());
        }
    }

    /**
     * Start-up and repair read segments the same way, so for damage anywhere in the log they must agree: start-up refuses
     * exactly when repair has something to drop, and after repair start-up succeeds with every entry repair said it kept.
     * One bit flipped in every byte of a three-segment log (each case on a fresh copy).
     */
    @Test void startUpRefusesExactlyWhatRepairRepairs(@TempDir Path pristine) throws Exception {
        writeEntries(12, 300);
        for (Path file : fs.list(dir).stream().map(dir::resolve).toList()) Files.copy(file, pristine.resolve(file.getFileName()));
        List<Path> segments = segments();
        assertTrue(segments.size() >= 3, segments.toString());
        for (Path segment : segments) {
            long size = Files.size(pristine.resolve(segment.getFileName()));
            for (long position = 0; position < size; position++) {
                restore(pristine);
                int bit = (int) (position % 8);
                Damage.flipBit(segment, position, bit);
                String damage = "bit " + bit + " of byte " + position + " of " + segment.getFileName();
                boolean refused = false;
                try (RaftStorage storage = open(300)) {
                    assertEquals(12, storage.recovered().entries().size(), damage + " was read as another log");
                } catch (StorageCorruptException e) {
                    refused = true;
                }
                restore(pristine);
                Damage.flipBit(segment, position, bit);
                LogRepair.Plan plan = LogRepair.plan(fs, dir);
                assertEquals(refused, plan.needed(), damage + ": start-up " + (refused ? "refused" : "accepted") + " the log; repair planned " + plan);
                if (!plan.needed()) continue;
                LogRepair.apply(fs, dir, plan);
                try (RaftStorage storage = open(300)) {
                    assertEquals(plan.keptLastIndex(), storage.recovered().entries().size(), damage + ": after repair");
                    assertEquals(HardState.REJOIN_UNKNOWN, storage.recovered().hardState().rejoinIndex(), damage + ": after repair");
                }
            }
        }
    }

    private void restore(Path pristine) throws Exception {
        for (String name : fs.list(dir)) Files.delete(dir.resolve(name));
        for (String name : fs.list(pristine)) Files.copy(pristine.resolve(name), dir.resolve(name));
    }

    @Test void anIntactLogNeedsNoRepair() throws Exception {
        writeEntries(5, 1 << 20);
        List<String> before = new ArrayList<>(fs.list(dir));
        assertFalse(LogRepair.plan(fs, dir).needed());
        assertEquals(before, fs.list(dir));
    }
}
