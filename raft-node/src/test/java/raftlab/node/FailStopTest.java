package raftlab.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.node.cli.LocalCluster;
import raftlab.node.client.HttpConnection;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.RaftConfig;

/** A node whose thread dies says why, answers /health with 503, stops its loop and exits 255. */
class FailStopTest {
    @TempDir Path dir;

    @Test void aDeadThreadStopsTheWholeNodeLoudly() throws Exception {
        PeerAddress address = LocalCluster.newAddress("n1");
        NodeSettings settings = new NodeSettings("n1", List.of(address), dir, "test", "secret".getBytes(StandardCharsets.UTF_8), null,
                "127.0.0.1", 10, RaftConfig.defaults(List.of(NodeId.of("n1"))), Bugs.NONE, false, 1024, 0, 1 << 20, 16, 6000, null);
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        NodeLog log = new NodeLog(new PrintStream(logged, true, StandardCharsets.UTF_8), "n1");
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        FailStop failStop = new FailStop(log, exited::complete, 500);
        try (NodeRuntime node = NodeRuntime.start(settings, log, failStop)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!node.status().role().name().equals("LEADER")) {
                assertTrue(System.nanoTime() < deadline, "n1 did not become leader");
                Thread.sleep(20);
            }
            // As the transport's thread would on running out of memory while reading a frame.
            Thread dying = new Thread(() -> { throw new OutOfMemoryError("simulated"); }, "peer-inbound-test");
            dying.setUncaughtExceptionHandler(failStop);
            dying.start();
            dying.join();
            try (HttpConnection c = new HttpConnection(address.host(), address.clientPort(), 5000)) {
                HttpConnection.Response health = c.request("GET", "/health", Map.of(), null);
                assertEquals(503, health.status(), health.body());
                assertTrue(health.body().contains("peer-inbound-test failed"), health.body());
                assertEquals(503, c.request("PUT", "/kv/a", Map.of(), "{\"value\":1}").status());
            }
            assertEquals(FailStop.EXIT_CRASHED, exited.get(30, TimeUnit.SECONDS));
            assertTrue(logged.toString(StandardCharsets.UTF_8).contains("error: peer-inbound-test failed (java.lang.OutOfMemoryError: simulated)"), logged.toString());
        }
    }
}
