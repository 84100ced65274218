package raftlab.node.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftlab.node.cli.LocalCluster;
import raftlab.node.client.HttpConnection;
import raftlab.node.client.KvClient;

/** Polls a local cluster's nodes over HTTP until a condition holds. */
final class ClusterProbe {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClusterProbe() {}

    static JsonNode status(LocalCluster cluster, int n) {
        var a = cluster.addresses().get(n - 1);
        try (HttpConnection c = new HttpConnection(a.host(), a.clientPort(), 1000)) {
            return MAPPER.readTree(c.request("GET", "/status", Map.of(), null).body());
        } catch (Exception e) {
            return null;
        }
    }

    /** The node number of the leader that a majority of live nodes agree on, waiting up to {@code millis}. */
    static int awaitLeader(LocalCluster cluster, long millis, List<Integer> among) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            for (int n : among) {
                JsonNode s = status(cluster, n);
                if (s != null && s.path("role").asText().equals("leader")) return n;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no leader among " + among + " after " + millis + " ms; logs in " + cluster.logFile(1).getParent());
    }

    static void awaitCondition(String what, long millis, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + millis + " ms waiting for " + what);
    }

    /** Sends through a leader-finding client; returns the status and body. */
    static HttpConnection.Response call(LocalCluster cluster, String method, String path, String body) throws Exception {
        try (KvClient client = new KvClient(cluster.endpoints(), 3000)) {
            return client.call(method, path, new LinkedHashMap<>(), body, 15_000);
        }
    }

    static HttpConnection.Response admin(LocalCluster cluster, String action, String body) throws Exception {
        try (KvClient client = new KvClient(cluster.endpoints(), 3000)) {
            return client.call("POST", "/admin/" + action, Map.of("Admin-Token", cluster.adminToken), body, 15_000);
        }
    }
}
