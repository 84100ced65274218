package raftlab.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import raftlab.node.client.HttpConnection;
import raftlab.node.metrics.NodeMetrics;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.AdminCommand;
import raftlab.raft.NodeId;
import raftlab.raft.Outcome;
import raftlab.raft.Status;
import raftlab.raft.kv.KvOp;

/**
 * The answer to a request whose outcome comes late or never: the node loop is replaced by futures
 * this test completes, so that the timing is the test's, not a cluster's.
 */
class OutcomeRepliesTest {
    /** Hands out futures that only the test completes. */
    private static final class HeldNode implements NodeApi {
        final ConcurrentLinkedQueue<CompletableFuture<Outcome>> held = new ConcurrentLinkedQueue<>();

        @Override public CompletableFuture<Outcome> submit(KvOp op, String clientId, long seq) {
            CompletableFuture<Outcome> f = new CompletableFuture<>();
            held.add(f);
            return f;
        }

        @Override public CompletableFuture<Outcome> admin(AdminCommand command) { return submit(null, null, 0); }
        @Override public Status status() { return null; }
        @Override public String stoppedBecause() { return null; }
        @Override public PeerAddress address(String id) { throw new IllegalStateException("a bug in looking up " + id); }
        @Override public void learnAddress(PeerAddress address) { }
        @Override public List<String> bugs() { return List.of(); }
        @Override public String metricsText() { return ""; }
        @Override public long requestTimeoutMillis() { return 300; }
        @Override public String adminToken() { return null; }
    }

    @Test void noOutcomeWithinTheRequestTimeoutIs504AndALateOutcomeIsDropped() throws Exception {
        HeldNode node = new HeldNode();
        NodeMetrics metrics = new NodeMetrics();
        try (ClientHttpServer server = new ClientHttpServer("127.0.0.1", 0, 16, node, metrics, line -> { });
             HttpConnection c = new HttpConnection("127.0.0.1", server.port(), 5000)) {
            server.start();
            long start = System.nanoTime();
            HttpConnection.Response r = c.request("PUT", "/kv/a", Map.of(), "{\"value\":1}");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(504, r.status(), r.body());
            assertTrue(r.body().contains("may or may not take effect"), r.body());
            assertTrue(millis >= 300, "answered after " + millis + " ms");
            // The outcome arrives after the answer: nothing more is written, and the connection serves on.
            node.held.poll().complete(new Outcome.Ok(null));
            Thread loop = new Thread(() -> {
                CompletableFuture<Outcome> second;
                while ((second = node.held.poll()) == null) Thread.onSpinWait();
                second.complete(new Outcome.Ok("7"));
            });
            loop.start();
            HttpConnection.Response next = c.request("GET", "/kv/a", Map.of(), null);
            loop.join();
            assertEquals(200, next.status(), next.body());
            assertEquals("{\"value\":7}", next.body().trim());
            assertTrue(metrics.render(0).contains("result=\"timeout\""), metrics.render(0));
        }
    }


    @Test void aFailureWhileAnsweringIsA500NotASilence() throws Exception {
        HeldNode node = new HeldNode();
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ClientHttpServer server = new ClientHttpServer("127.0.0.1", 0, 16, node, new NodeMetrics(), logged::add);
             HttpConnection c = new HttpConnection("127.0.0.1", server.port(), 5000)) {
            server.start();
            Thread loop = new Thread(() -> {
                CompletableFuture<Outcome> held;
                while ((held = node.held.poll()) == null) Thread.onSpinWait();
                // Answering this looks up n2's address, which the test node cannot do.
                held.complete(new Outcome.NotLeader(NodeId.of("n2")));
            });
            loop.start();
            HttpConnection.Response r = c.request("PUT", "/kv/a", Map.of(), "{\"value\":1}");
            loop.join();
            assertEquals(500, r.status(), r.body());
            assertTrue(logged.stream().anyMatch(line -> line.contains("a bug in looking up n2")), logged.toString());
        }
    }
}
