package raftlab.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import raftlab.raft.Command;
import raftlab.raft.Entry;

/** A disk that fills up: storage stops with a clear error, writes nothing more, and what was acknowledged recovers. */
class FullDiskTest {
    private static final Path DIR = Path.of("/data");

    /** Lets through {@code capacity} appended bytes, then writes part of the next append and fails like ENOSPC. */
    static final class FillingDisk extends ForwardingLayer {
        long capacity;

        FillingDisk(PowerCutDisk disk, long capacity) {
            super(disk);
            this.capacity = capacity;
        }

        @Override public FileHandle open(Path file) throws IOException {
            FileHandle inner = super.open(file);
            return new FileHandle() {
                @Override public long size() throws IOException { return inner.size(); }

                @Override public void append(ByteBuffer bytes) throws IOException {
                    if (bytes.remaining() > capacity) {
                        ByteBuffer part = bytes.duplicate();
                        part.limit(part.position() + (int) capacity);
                        inner.append(part);
                        capacity = 0;
                        throw new IOException("No space left on device");
                    }
                    capacity -= bytes.remaining();
                    inner.append(bytes);
                }

                @Override public void truncate(long size) throws IOException { inner.truncate(size); }

                @Override public void force() throws IOException { inner.force(); }

                @Override public void close() throws IOException { inner.close(); }
            };
        }
    }

    @Test void aFullDiskStopsWritesWithAClearErrorAndRecoveryKeepsWhatWasAcknowledged() throws Exception {
        PowerCutDisk disk = new PowerCutDisk();
        FillingDisk filling = new FillingDisk(disk, 200);
        RaftStorage storage = RaftStorage.open(filling, DIR, 1 << 20, false, new TestEntryCodec(), StorageObserver.NONE, line -> {});
        long index = 0;
        StorageFailedException failure = null;
        while (failure == null) {
            try {
                storage.persist(null, List.of(new Entry(++index, 1, new Command.Noop())), null);
            } catch (StorageFailedException e) {
                failure = e;
            }
        }
        long acknowledged = index - 1;
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        filling.capacity = 1 << 20;
        long failedAt = index;
        assertThrows(StorageFailedException.class, () -> storage.persist(null, List.of(new Entry(failedAt, 1, new Command.Noop())), null),
                "after a failure storage must refuse every later write");
        RaftStorage recovered = RaftStorage.open(disk.cut(new Random(3)), DIR, 1 << 20, false, new TestEntryCodec(), StorageObserver.NONE, line -> {});
        assertEquals(acknowledged, recovered.recovered().entries().size());
    }
}
