package raftlab.node.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import raftlab.node.NodeLog;
import raftlab.node.NodeLoop;
import raftlab.node.metrics.NodeMetrics;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.Outcome;
import raftlab.raft.RaftConfig;
import raftlab.raft.RaftServer;
import raftlab.raft.Role;
import raftlab.raft.kv.KvOp;

/** A leader whose disk fills up steps down: its status names no leader, and it takes no more writes. */
class FullDiskNodeTest {
    private static final long DEADLINE_MILLIS = 60_000;

    @Test void aLeaderWhoseDiskFillsUpNoLongerSaysItLeads() throws Exception {
        FullDiskTest.FillingDisk disk = new FullDiskTest.FillingDisk(new PowerCutDisk(), 1 << 20);
        RaftStorage storage = RaftStorage.open(disk, Path.of("/data"), 1 << 20, false, EntryCodec.WIRE, StorageObserver.NONE, line -> {});
        RaftServer server = new RaftServer(NodeId.of("n1"), RaftConfig.defaults(List.of(NodeId.of("n1"))), new SplittableRandom(1),
                Bugs.NONE, storage.recovered());
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        NodeLog log = new NodeLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), "n1");
        NodeLoop loop = new NodeLoop(server, storage, (to, m) -> {}, new NodeMetrics(), log, 1, 64, 0, false, false);
        Thread thread = new Thread(loop, "node-loop");
        thread.start();
        try {
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            while (loop.status().role() != Role.LEADER) {
                assertTrue(System.currentTimeMillis() < deadline, "a one-node cluster did not elect itself");
                Thread.sleep(5);
            }
            CompletableFuture<Outcome> first = loop.submit(new KvOp.Put("k", "1"), null, 0);
            assertTrue(first.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS) instanceof Outcome.Ok);
            disk.capacity = 0;
            CompletableFuture<Outcome> failed = loop.submit(new KvOp.Put("k", "2"), null, 0);
            assertTrue(failed.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS) instanceof Outcome.Unknown, "" + failed.get());
            thread.join(DEADLINE_MILLIS);
            assertNotNull(loop.stoppedBecause());
            assertTrue(loop.stoppedBecause().contains("No space left on device"), loop.stoppedBecause());
            assertEquals(Role.FOLLOWER, loop.status().role(), "a node that cannot write must not say it leads");
            assertNull(loop.status().leader(), "a node that cannot write must not name itself (or anyone) as leader");
            assertNull(loop.submit(new KvOp.Put("k", "3"), null, 0), "a stopped node must refuse writes");
            assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("no longer leader"), logBytes.toString(StandardCharsets.UTF_8));
        } finally {
            loop.stop();
            thread.join(DEADLINE_MILLIS);
        }
    }
}
