package raftlab.harness.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.lab.LabNode;
import raftlab.history.OpType;

/**
 * The outcome mapping of docs/design.md's client API, against a real HTTP server on loopback that
 * answers each key with one kind of response.
 */
class KvClientTest {
    static HttpServer server;
    static int port;
    static final AtomicInteger casBodies = new AtomicInteger();
    static volatile String lastCasBody;

    @BeforeAll static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", KvClientTest::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll static void stop() { server.stop(0); }

    static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        String key = path.split("/")[2];
        switch (key) {
            case "r1" -> reply(ex, 200, "{\"value\":5}");
            case "r2" -> reply(ex, 200, "{\"value\":null}");
            case "r3" -> { lastCasBody = new String(body, StandardCharsets.UTF_8); reply(ex, 409, "{\"error\":\"mismatch\"}"); }
            case "r4" -> reply(ex, 503, "{\"error\":\"no leader\"}");
            case "r5" -> reply(ex, 504, "{\"error\":\"timeout\"}");
            case "r6" -> {
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + path.replace("r6", "r1"));
                ex.getResponseHeaders().add("Raft-Leader", "n1");
                reply(ex, 307, "{\"error\":\"not leader\",\"leader\":\"n1\"}");
            }
            case "r7" -> {
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + path);
                reply(ex, 307, "{}");
            }
            case "r8" -> sleep(3000);
            case "r9" -> reply(ex, 400, "{\"error\":\"bad\"}");
            case "r10" -> reply(ex, 500, "{\"error\":\"oops\"}");
            case "r13" -> reply(ex, 422, "{\"error\":\"request-seq-reused\"}");
            case "r14" -> reply(ex, 431, "{\"error\":\"the request headers are too large\"}");
            case "r11" -> {
                // Closes the connection without an answer: the request was received, its fate unknown.
                ex.getHttpContext().getServer();
                ex.close();
                return;
            }
            case "r12" -> {
                lastCasBody = new String(body, StandardCharsets.UTF_8);
                casBodies.incrementAndGet();
                ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + path.replace("r12", "r3"));
                reply(ex, 307, "{}");
            }
            default -> reply(ex, 404, "{}");
        }
        ex.close();
    }

    static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    static void sleep(long millis) {
        try { Thread.sleep(millis); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }

    static Completion run(String f, long key, Object value) {
        try (KvClient client = new KvClient(new LabNode("n1", "127.0.0.1", 1, port), "test", 1000)) {
            return client.invoke(OpSpec.keyed(f, key, value));
        }
    }

    @Test void okReadFillsInTheValue() {
        Completion c = run("read", 1, null);
        assertEquals(OpType.OK, c.type());
        assertEquals(Arrays.asList(1L, 5L), c.value());
        assertEquals("n1", c.node());
    }

    @Test void readOfAbsentKeyIsOkWithNil() {
        Completion c = run("read", 2, null);
        assertEquals(OpType.OK, c.type());
        assertEquals(Arrays.asList(2L, null), c.value());
    }

    @Test void casMismatchIsFailWithMismatch() {
        Completion c = run("cas", 3, List.of(1L, 2L));
        assertEquals(OpType.FAIL, c.type());
        assertEquals("mismatch", c.error());
        assertEquals("{\"expect\":1,\"value\":2}", lastCasBody);
    }

    @Test void serviceUnavailableIsFail() { assertEquals(OpType.FAIL, run("write", 4, 7L).type()); }

    @Test void gatewayTimeoutIsInfo() { assertEquals(OpType.INFO, run("write", 5, 7L).type()); }

    @Test void redirectIsFollowedToTheLeader() {
        Completion c = run("read", 6, null);
        assertEquals(OpType.OK, c.type());
        assertEquals(Arrays.asList(6L, 5L), c.value());
        assertEquals("n1", c.node(), "the node named by Raft-Leader answered");
    }

    @Test void redirectKeepsMethodAndBody() {
        Completion c = run("cas", 12, List.of(3L, 4L));
        assertEquals(OpType.FAIL, c.type());
        assertEquals("mismatch", c.error());
        assertEquals("{\"expect\":3,\"value\":4}", lastCasBody);
    }

    @Test void endlessRedirectsAreFail() { assertEquals(OpType.FAIL, run("write", 7, 1L).type()); }

    @Test void timeoutAfterSendingIsInfoEvenForReads() {
        Completion c = run("read", 8, null);
        assertEquals(OpType.INFO, c.type());
        assertEquals("timeout", c.error());
        assertEquals(Arrays.asList(8L, null), c.value());
        assertEquals(raftlab.history.Op.NO_NODE, c.node(), "no node answered");
    }

    @Test void badRequestIsFail() { assertEquals(OpType.FAIL, run("write", 9, 1L).type()); }

    @Test void reusedSequenceNumberIsFailNotInfo() {
        Completion c = run("write", 13, 1L);
        assertEquals(OpType.FAIL, c.type());
        assertEquals("request-seq-reused", c.error());
    }

    @Test void headersTooLargeIsFail() { assertEquals(OpType.FAIL, run("write", 14, 1L).type()); }

    @Test void unexpectedServerErrorIsInfo() { assertEquals(OpType.INFO, run("write", 10, 1L).type()); }

    @Test void connectionClosedWithoutAnswerIsInfo() { assertEquals(OpType.INFO, run("write", 11, 1L).type()); }

    @Test void refusedConnectionIsFail() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (KvClient client = new KvClient(new LabNode("n1", "127.0.0.1", 1, closedPort), "test", 1000)) {
            Completion c = client.invoke(OpSpec.register("write", 3L));
            assertEquals(OpType.FAIL, c.type());
            assertEquals("connect", c.error());
        }
    }

    @Test void keepAliveReusesTheConnection() {
        try (KvClient client = new KvClient(new LabNode("n1", "127.0.0.1", 1, port), "test", 1000)) {
            for (int i = 0; i < 200; i++) assertEquals(OpType.OK, client.invoke(OpSpec.keyed("read", 1L, null)).type());
        }
    }
}
