package raftlab.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabControl.Leadership;
import raftlab.harness.lab.LabNode;

/** Asks nodes' {@code GET /status} who leads; used by nemeses that target the leader. */
public final class ClusterProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterProbe() {}

    /** The node that says it is leader in the highest term, if any answers within the timeout. */
    public static Optional<String> leader(List<LabNode> nodes, int timeoutMillis) {
        return leadership(nodes, timeoutMillis).map(Leadership::id);
    }

    /** The node that says it is leader in the highest term, with that term, if any answers within the timeout. */
    public static Optional<Leadership> leadership(List<LabNode> nodes, int timeoutMillis) {
        Leadership best = null;
        for (LabNode node : nodes) {
            Optional<JsonNode> status = status(node, timeoutMillis);
            if (status.isEmpty()) continue;
            JsonNode s = status.get();
            long term = s.path("term").asLong(-1);
            if ("leader".equals(s.path("role").asText()) && (best == null || term > best.term())) best = new Leadership(node.id(), term);
        }
        return Optional.ofNullable(best);
    }

    /**
     * The node's {@code GET /status}, or empty when it does not answer 200 in time.
     *
     * @throws LabException when the node refuses the lab's client token (401): a lab whose nodes and clients disagree
     *                      on it is broken, and "no leader" would hide that
     */
    public static Optional<JsonNode> status(LabNode node, int timeoutMillis) {
        HttpResponse response;
        try (HttpConnection connection = new HttpConnection(node.host(), node.clientPort(), timeoutMillis)) {
            response = connection.exchange("GET", "/status", null, ClientAuthorization.with(Map.of(), node.clientToken()), timeoutMillis);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (response.status() == 401) throw tokenRefused(node);
        if (response.status() != 200) return Optional.empty();
        try {
            return Optional.ofNullable(JSON.readTree(response.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static LabException tokenRefused(LabNode node) {
        return new LabException(node.id() + " refused the lab's client token (401)" + (node.clientToken() == null
                ? ": it asks for one and this lab has none; bring the lab up again from this raftlab"
                : "; the lab's nodes were started with another token: bring the lab up again"));
    }

    /**
     * Waits until every node accepts connections on its client port, or the timeout passes; returns
     * the nodes still not listening. Used after starting nodes, so a JVM's start-up is not counted
     * against the cluster.
     */
    public static List<String> waitListening(List<LabNode> nodes, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        java.util.List<String> waiting = new java.util.ArrayList<>();
        for (LabNode node : nodes) waiting.add(node.id());
        while (!waiting.isEmpty()) {
            for (java.util.Iterator<String> it = waiting.iterator(); it.hasNext(); ) {
                String id = it.next();
                LabNode node = nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
                try (java.net.Socket socket = new java.net.Socket()) {
                    socket.connect(new java.net.InetSocketAddress(node.host(), node.clientPort()), 500);
                    it.remove();
                } catch (IOException e) {
                    // Not listening yet.
                }
            }
            if (waiting.isEmpty() || System.nanoTime() > deadline) break;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return waiting;
    }

    /**
     * POSTs a JSON body to an admin path with the lab's admin token (and the node's client token, which every
     * path but {@code /health} asks for); returns the status code, or -1 when unreachable.
     */
    public static int admin(LabNode node, String path, String jsonBody, String adminToken, int timeoutMillis) {
        try (HttpConnection connection = new HttpConnection(node.host(), node.clientPort(), timeoutMillis)) {
            HttpResponse response = connection.exchange("POST", path, jsonBody.getBytes(StandardCharsets.UTF_8),
                    ClientAuthorization.with(Map.of("Admin-Token", adminToken), node.clientToken()), timeoutMillis);
            return response.status();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
