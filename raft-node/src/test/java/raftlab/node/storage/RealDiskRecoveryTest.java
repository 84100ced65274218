package raftlab.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
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

/** Recovery on a real file system: torn tails are cut off, damage stops the node, a directory has one owner. */
class RealDiskRecoveryTest {
    @TempDir Path dir;

    private RaftStorage open(List<String> logLines) throws Exception {
        return RaftStorage.open(new RealFileLayer(), dir, 1 << 20, false, new TestEntryCodec(), StorageObserver.NONE, logLines::add);
    }

    private void writeEntries(int count) throws Exception {
        try (RaftStorage storage = open(new ArrayList<>())) {
            for (int i = 1; i <= count; i++) {
                storage.persist(null, List.of(new Entry(i, 1, new Command.Noop())), i == 1 ? new HardState(1, NodeId.of("n1"), 0) : null);
            }
        }
    }

    private Path segment() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-")).findFirst().orElseThrow();
        }
    }

    @Test void tornLastRecordIsCutOffAndLogged() throws Exception {
        writeEntries(5);
        Path segment = segment();
        long size = Files.size(segment);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(size - 3);
        }
        List<String> lines = new ArrayList<>();
        try (RaftStorage storage = open(lines)) {
            assertEquals(4, storage.recovered().entries().size());
            assertEquals(new HardState(1, NodeId.of("n1"), 0), storage.recovered().hardState());
            storage.persist(null, List.of(new Entry(5, 2, new Command.Noop())), null);
        }
        assertTrue(lines.get(0).contains("cut it off"), lines.toString());
        try (RaftStorage storage = open(new ArrayList<>())) {
            assertEquals(5, storage.recovered().entries().size());
            assertEquals(2, storage.recovered().entries().get(4).term());
        }
    }

    @Test void flippedByteInTheMiddleStopsRecoveryNamingFileAndOffset() throws Exception {
        writeEntries(5);
        Path segment = segment();
        long recordBytes = (Files.size(segment) - SegmentFormat.SEGMENT_HEADER_BYTES) / 5;
        long third = SegmentFormat.SEGMENT_HEADER_BYTES + 2 * recordBytes;
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long position = third + SegmentFormat.RECORD_HEADER_BYTES + 3;
            file.seek(position);
            int b = file.read();
            file.seek(position);
            file.write(b ^ 0x10);
        }
        StorageCorruptException e = assertThrows(StorageCorruptException.class, () -> open(new ArrayList<>()));
        assertTrue(e.getMessage().contains(segment.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset " + third), e.getMessage());
    }

    @Test void secondOwnerOfADataDirectoryIsRefused() throws Exception {
        try (DataDirectory first = DataDirectory.open(dir, "c1", "n1")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataDirectory.open(dir, "c1", "n1"));
            assertTrue(e.getMessage().contains("in use by another raft-node"), e.getMessage());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataDirectory.open(dir, "c2", "n1"));
        assertTrue(e.getMessage().contains("belongs to cluster 'c1'"), e.getMessage());
        DataDirectory.open(dir, "c1", "n1").close();
    }
}
