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

    /**
     * How long a node JVM may take to start serving. Starting three JVMs at once while the machine has
     * a load average of 60 took well over ten seconds, and that used to be taken out of the election's
     * deadline; waiting for start-up separately keeps the election deadline meaningful.
     */
    static final long START_MILLIS = 90_000;

    /** One try at {@code GET /status} of node {@code n}; null when it does not answer (not started yet, or killed). */
    static JsonNode status(LocalCluster cluster, int n) {
        var a = cluster.addresses().get(n - 1);
        // Generous: a starved JVM may take seconds to answer, and a null here would look like a dead node.
        try (HttpConnection c = new HttpConnection(a.host(), a.clientPort(), 5000)) {
            HttpConnection.Response r = c.request("GET", "/status", Map.of(), null);
            return r.status() == 200 ? MAPPER.readTree(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The status of node {@code n}, waiting up to {@code millis} for it to answer. */
    static JsonNode awaitStatus(LocalCluster cluster, int n, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            JsonNode s = status(cluster, n);
            if (s != null) return s;
            Process process = cluster.process(n);
            if (process != null && !process.isAlive()) {
                throw new AssertionError("n" + n + " exited with code " + process.exitValue() + " before answering GET /status: " + output(cluster, n));
            }
            if (System.currentTimeMillis() >= deadline) {
                throw new AssertionError("n" + n + " did not answer GET /status within " + millis + " ms; logs in " + cluster.logFile(n).getParent());
            }
            Thread.sleep(50);
        }
    }

    /** The last lines the node printed (its standard output and error), for a failure message. */
    private static String output(LocalCluster cluster, int n) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(cluster.outputFile(n));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (java.io.IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Waits until every node in {@code nodes} answers {@code GET /status} (its JVM started and it recovered its log). */
    static void awaitServing(LocalCluster cluster, List<Integer> nodes) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        for (int n : nodes) awaitStatus(cluster, n, Math.max(0, deadline - System.currentTimeMillis()));
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
