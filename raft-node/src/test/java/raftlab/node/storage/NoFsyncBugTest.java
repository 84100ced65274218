package raftlab.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import raftlab.raft.Command;
import raftlab.raft.Entry;

/** The no-fsync bug switch: persist returns (so the node acknowledges) before anything reaches the disk. */
class NoFsyncBugTest {
    private static final Path DIR = Path.of("/data");

    @Test void entriesPersistedUnderTheBugAreLostByACrashUntilTheBackgroundFlush() throws Exception {
        PowerCutDisk disk = new PowerCutDisk();
        RaftStorage storage = RaftStorage.open(disk, DIR, 1 << 20, true, new TestEntryCodec(), StorageObserver.NONE, line -> {});
        storage.persist(null, List.of(new Entry(1, 1, new Command.Noop()), new Entry(2, 1, new Command.Noop())), null);
        PowerCutDisk crashed = disk.cut(new Random(1));
        assertEquals(List.of(), RaftStorage.open(crashed, DIR, 1 << 20, false, new TestEntryCodec(), StorageObserver.NONE, line -> {})
                .recovered().entries(), "acknowledged entries were still only in memory");

        storage.flushDeferred();
        PowerCutDisk flushed = disk.cut(new Random(1));
        assertEquals(2, RaftStorage.open(flushed, DIR, 1 << 20, false, new TestEntryCodec(), StorageObserver.NONE, line -> {})
                .recovered().entries().size());
    }
}
