package raftlab.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

/** The client API contract against a real one-node cluster in this JVM. */
class ClientApiTest {
    @TempDir static Path dir;
    static NodeRuntime node;
    static PeerAddress address;

    @BeforeAll static void start() throws Exception {
        address = LocalCluster.newAddress("n1");
        NodeSettings settings = new NodeSettings("n1", List.of(address), dir, "test", "secret".getBytes(StandardCharsets.UTF_8), "tok",
                "127.0.0.1", 10, RaftConfig.defaults(List.of(NodeId.of("n1"))), Bugs.NONE, false, 1024, 0, 1 << 20, 16, 6000, null);
        node = NodeRuntime.start(settings, new NodeLog(new PrintStream(new ByteArrayOutputStream()), "n1"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!node.status().role().name().equals("LEADER") && System.currentTimeMillis() < deadline) Thread.sleep(20);
    }

    @AfterAll static void stop() { node.close(); }

    private static HttpConnection.Response call(String method, String path, Map<String, String> headers, String body) throws Exception {
        try (HttpConnection c = new HttpConnection(address.host(), address.clientPort(), 5000)) {
            return c.request(method, path, headers, body);
        }
    }

    private static void expect(int status, String body, HttpConnection.Response r) {
        assertEquals(status, r.status(), r.body());
        if (body != null) assertEquals(body, r.body().trim());
    }

    @Test void absentKeyReadsAsNullNot404() throws Exception {
        expect(200, "{\"value\":null}", call("GET", "/kv/never-written", Map.of(), null));
    }

    @Test void valuesAreCanonicalJsonScalars() throws Exception {
        expect(200, "{\"value\":5}", call("PUT", "/kv/canon", Map.of(), "{\"value\": 5}"));
        // 5 and "5" are different values; a compare-and-set compares by JSON equality.
        expect(409, null, call("POST", "/kv/canon/cas", Map.of(), "{\"expect\":\"5\",\"value\":6}"));
        expect(200, "{\"value\":6}", call("POST", "/kv/canon/cas", Map.of(), "{\"expect\":5,\"value\":6}"));
        expect(200, "{\"value\":\"caf\u00e9\"}", call("PUT", "/kv/s", Map.of(), "{\"value\":\"caf\\u00e9\"}"));
        expect(200, "{\"value\":\"caf\u00e9\"}", call("GET", "/kv/s", Map.of(), null));
    }

    @Test void casMismatchIs409WithTheActualValue() throws Exception {
        expect(200, null, call("PUT", "/kv/c", Map.of(), "{\"value\":1}"));
        HttpConnection.Response r = call("POST", "/kv/c/cas", Map.of(), "{\"expect\":2,\"value\":3}");
        expect(409, null, r);
        assertTrue(r.body().contains("\"actual\":1"), r.body());
        expect(200, null, call("POST", "/kv/absent-only/cas", Map.of(), "{\"expect\":null,\"value\":1}"));
        expect(409, null, call("POST", "/kv/absent-only/cas", Map.of(), "{\"expect\":null,\"value\":2}"));
    }

    @Test void aRetryWithTheSameClientIdAndSeqAppliesOnce() throws Exception {
        Map<String, String> first = Map.of("Client-Id", "c7", "Request-Seq", "1");
        expect(200, null, call("PUT", "/kv/r", Map.of(), "{\"value\":1}"));
        expect(200, null, call("POST", "/kv/r/cas", first, "{\"expect\":1,\"value\":2}"));
        expect(200, null, call("PUT", "/kv/r", Map.of(), "{\"value\":1}"));
        // The retry must not run again (it would set 2 again); it gets the first outcome.
        expect(200, null, call("POST", "/kv/r/cas", first, "{\"expect\":1,\"value\":2}"));
        expect(200, "{\"value\":1}", call("GET", "/kv/r", Map.of(), null));
    }

    @Test void aSequenceNumberReusedForADifferentRequestIs422AndChangesNothing() throws Exception {
        Map<String, String> first = Map.of("Client-Id", "c422", "Request-Seq", "1");
        expect(200, null, call("PUT", "/kv/reuse", first, "{\"value\":1}"));
        HttpConnection.Response r = call("PUT", "/kv/reuse", first, "{\"value\":2}");
        expect(422, null, r);
        assertTrue(r.body().contains("\"error\":\"request-seq-reused\""), r.body());
        expect(200, "{\"value\":1}", call("GET", "/kv/reuse", Map.of(), null));
        expect(200, null, call("PUT", "/kv/reuse", first, "{\"value\":1}"));
    }

    @Test void theLargestSequenceNumberIsRefusedSoItCannotStrandItsClient() throws Exception {
        expect(400, null, call("PUT", "/kv/max", Map.of("Client-Id", "cmax", "Request-Seq", Long.toString(Long.MAX_VALUE)), "{\"value\":1}"));
        expect(200, null, call("PUT", "/kv/max", Map.of("Client-Id", "cmax", "Request-Seq", "2"), "{\"value\":2}"));
        expect(200, null, call("PUT", "/kv/max", Map.of("Client-Id", "cmax", "Request-Seq", "3"), "{\"value\":3}"));
    }

    @Test void keysArePercentDecodedAsUtf8WithPlusAsItself() throws Exception {
        expect(400, null, call("GET", "/kv/%zz", Map.of(), null));
        expect(400, null, call("GET", "/kv/a%2", Map.of(), null));
        expect(400, null, call("PUT", "/kv/%ff", Map.of(), "{\"value\":1}"));
        expect(400, null, call("PUT", "/kv/%80", Map.of(), "{\"value\":1}"));
        expect(400, null, call("PUT", "/kv/a%0Db", Map.of(), "{\"value\":1}"));
        expect(200, null, call("PUT", "/kv/a+b", Map.of(), "{\"value\":\"plus\"}"));
        expect(200, "{\"value\":\"plus\"}", call("GET", "/kv/a%2Bb", Map.of(), null));
        expect(200, "{\"value\":null}", call("GET", "/kv/a%20b", Map.of(), null));
        expect(200, null, call("PUT", "/kv/caf%C3%A9", Map.of(), "{\"value\":1}"));
        expect(200, "{\"value\":1}", call("GET", "/kv/café".replace("é", "%c3%a9"), Map.of(), null));
    }

    @Test void bodiesAreOneJsonObjectWithNothingAfterItAndNoKeyTwice() throws Exception {
        expect(400, null, call("PUT", "/kv/strict", Map.of(), "{\"value\":1}xyz"));
        expect(400, null, call("PUT", "/kv/strict", Map.of(), "{\"value\":1} {\"value\":2}"));
        expect(400, null, call("PUT", "/kv/strict", Map.of(), "{\"value\":1,\"value\":2}"));
        expect(400, null, call("POST", "/kv/strict/cas", Map.of(), "{\"expect\":null,\"value\":1,\"expect\":1}"));
        expect(200, null, call("PUT", "/kv/strict", Map.of(), " {\"value\":1}\r\n"));
    }

    @Test void badInputGetsA4xxSentenceAndTheNodeKeepsServing() throws Exception {
        expect(400, null, call("PUT", "/kv/b", Map.of(), "{not json"));
        expect(400, null, call("PUT", "/kv/b", Map.of(), "{\"value\":[1]}"));
        expect(400, null, call("PUT", "/kv/b", Map.of(), "{\"value\":1.5}"));
        expect(400, null, call("PUT", "/kv/b", Map.of(), "{}"));
        expect(400, null, call("PUT", "/kv/b", Map.of("Client-Id", "x", "Request-Seq", "-1"), "{\"value\":1}"));
        expect(413, null, call("PUT", "/kv/" + "k".repeat(300), Map.of(), "{\"value\":1}"));
        expect(413, null, call("PUT", "/kv/big", Map.of(), "{\"value\":\"" + "x".repeat(70_000) + "\"}"));
        expect(413, null, call("PUT", "/kv/huge", Map.of(), "{\"value\":\"" + "x".repeat(1_100_000) + "\"}"));
        expect(404, null, call("GET", "/nothing/here", Map.of(), null));
        expect(404, null, call("GET", "/kv/a/b/c", Map.of(), null));
        expect(405, null, call("POST", "/kv/a", Map.of(), "{}"));
        HttpConnection.Response r = call("PUT", "/kv/b", Map.of(), "{\"value\":\"still here\"}");
        expect(200, null, r);
        assertTrue(call("PUT", "/kv/b", Map.of(), "{bad").body().startsWith("{\"error\":\"the body is not valid JSON"));
    }

    @Test void statusHealthMetricsAndAdminToken() throws Exception {
        HttpConnection.Response s = call("GET", "/status", Map.of(), null);
        expect(200, null, s);
        for (String field : List.of("\"id\":\"n1\"", "\"role\":\"leader\"", "\"term\"", "\"commit\"", "\"applied\"", "\"firstIndex\"",
                "\"lastIndex\"", "\"snapshotIndex\"", "\"peers\"", "\"bugs\":[]")) {
            assertTrue(s.body().contains(field), field + " in " + s.body());
        }
        expect(200, null, call("GET", "/health", Map.of(), null));
        HttpConnection.Response m = call("GET", "/metrics", Map.of(), null);
        assertTrue(m.body().contains("raft_term ") && m.body().contains("raft_log_fsync_seconds_bucket"), m.body());
        expect(401, null, call("POST", "/admin/snapshot", Map.of(), null));
        expect(401, null, call("POST", "/admin/snapshot", Map.of("Admin-Token", "wrong"), null));
        expect(200, null, call("POST", "/admin/snapshot", Map.of("Admin-Token", "tok"), null));
    }
}
