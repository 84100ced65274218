package raftlab.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.node.NodeLog;
import raftlab.node.NodeRuntime;
import raftlab.node.NodeSettings;
import raftlab.node.cli.LocalCluster;
import raftlab.node.client.HttpConnection;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.RaftConfig;

/** With --client-token-file, every request but GET /health needs the token. */
class ClientTokenTest {
    @TempDir Path dir;

    @Test void requestsWithoutTheTokenAre401AndHealthStaysOpen() throws Exception {
        PeerAddress address = LocalCluster.newAddress("n1");
        NodeSettings settings = new NodeSettings("n1", List.of(address), dir, "test", "secret".getBytes(StandardCharsets.UTF_8), null,
                "127.0.0.1", 10, RaftConfig.defaults(List.of(NodeId.of("n1"))), Bugs.NONE, false, 1024, 0, 1 << 20, 16, 6000,
                "client-token-0123456789");
        try (NodeRuntime node = NodeRuntime.start(settings, new NodeLog(new PrintStream(new ByteArrayOutputStream()), "n1"));
             HttpConnection c = new HttpConnection(address.host(), address.clientPort(), 5000)) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!node.status().role().name().equals("LEADER") && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(401, c.request("GET", "/kv/a", Map.of(), null).status());
            assertEquals(401, c.request("PUT", "/kv/a", Map.of("Authorization", "Bearer wrong"), "{\"value\":1}").status());
            assertEquals(401, c.request("GET", "/status", Map.of(), null).status());
            assertEquals(200, c.request("GET", "/health", Map.of(), null).status());
            HttpConnection.Response r = c.request("GET", "/kv/a", Map.of("Authorization", "Bearer client-token-0123456789"), null);
            assertEquals(200, r.status(), r.body());
        }
    }
}
