package raftlab.harness.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;
import raftlab.history.OpType;
import raftlab.node.NodeLog;
import raftlab.node.NodeRuntime;
import raftlab.node.NodeSettings;
import raftlab.node.cli.LocalCluster;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.RaftConfig;

/**
 * The harness against a real node started with a client token (as every lab starts its nodes): its clients send
 * the lab's token and are served; a client without it is refused, and the refusal is recorded as what it is,
 * never as an operation that failed.
 */
class ClientTokenOnTheWireTest {
    private static final String CLIENT_TOKEN = "client-token-0123456789abcdef";
    private static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";

    @TempDir static Path dir;
    private static NodeRuntime node;
    private static LabNode withoutToken;
    private static LabNode withToken;

    @BeforeAll static void startALeader() throws Exception {
        PeerAddress address = LocalCluster.newAddress("n1");
        NodeSettings settings = new NodeSettings("n1", List.of(address), dir, "test", "cluster-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                ADMIN_TOKEN, "127.0.0.1", 10, RaftConfig.defaults(List.of(NodeId.of("n1"))), Bugs.NONE, false, 1024, 0, 1 << 20, 16, 6000,
                CLIENT_TOKEN);
        node = NodeRuntime.start(settings, new NodeLog(new PrintStream(new ByteArrayOutputStream()), "n1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!node.status().role().name().equals("LEADER") && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals("LEADER", node.status().role().name(), "a one-node cluster elects itself");
        withoutToken = new LabNode("n1", address.host(), address.peerPort(), address.clientPort());
        withToken = withoutToken.withClientToken(CLIENT_TOKEN);
    }

    @AfterAll static void stop() throws Exception {
        if (node != null) node.close();
    }

    private static Completion invoke(LabNode home, OpSpec op) {
        try (KvClient client = new KvClient(home, "p1", 10_000)) {
            return client.invoke(op);
        }
    }

    @Test void theHarnessClientWithTheLabsTokenIsServed() {
        assertEquals(OpType.OK, invoke(withToken, OpSpec.keyed("write", 1, 7L)).type());
        Completion read = invoke(withToken, OpSpec.keyed("read", 1, null));
        assertEquals(OpType.OK, read.type(), String.valueOf(read.error()));
        assertEquals(List.of(1L, 7L), read.value());
        assertEquals(Optional.of("n1"), ClusterProbe.leader(List.of(withToken), 10_000), "the leader probe asks /status with the token");
        assertEquals(200, ClusterProbe.admin(withToken, "/admin/snapshot", "{}", ADMIN_TOKEN, 10_000), "admin calls carry both tokens");
    }

    @Test void aClientWithoutTheTokenIsRefusedAndTheHistorySaysSoInsteadOfFailingTheOperation() {
        Completion write = invoke(withoutToken, OpSpec.keyed("write", 2, 8L));
        assertEquals(OpType.INFO, write.type(), "a refused token is a broken lab, never a :fail the checker would trust");
        assertEquals(Answers.CLIENT_TOKEN_REFUSED, write.error());
        assertEquals(Answers.CLIENT_TOKEN_REFUSED, invoke(withToken.withClientToken("another-token-0123456789"), OpSpec.keyed("read", 2, null)).error());
        LabException status = assertThrows(LabException.class, () -> ClusterProbe.leader(List.of(withoutToken), 10_000),
                "no leader found would hide the broken lab");
        assertTrue(status.getMessage().contains("n1 refused the lab's client token (401)"), status.getMessage());
        assertEquals(401, ClusterProbe.admin(withoutToken, "/admin/snapshot", "{}", ADMIN_TOKEN, 10_000));
    }

    @Test void aNodeIsLoggedWithoutItsToken() {
        assertFalse(withToken.toString().contains(CLIENT_TOKEN), withToken.toString());
        assertTrue(withToken.toString().contains("n1"), withToken.toString());
    }
}
