package raftlab.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raftlab.harness.lab.LabNode;

/** Asks nodes' {@code GET /status} who leads; used by nemeses that target the leader. */
public final class ClusterProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterProbe() {}

    /** The node that says it is leader in the highest term, if any answers within the timeout. */
    public static Optional<String> leader(List<LabNode> nodes, int timeoutMillis) {
        String best = null;
        long bestTerm = -1;
        for (LabNode node : nodes) {
            Optional<JsonNode> status = status(node, timeoutMillis);
            if (status.isEmpty()) continue;
            JsonNode s = status.get();
            if ("leader".equals(s.path("role").asText()) && s.path("term").asLong(-1) > bestTerm) {
                bestTerm = s.path("term").asLong();
                best = node.id();
            }
        }
        return Optional.ofNullable(best);
    }

    public static Optional<JsonNode> status(LabNode node, int timeoutMillis) {
        try (HttpConnection connection = new HttpConnection(node.host(), node.clientPort(), timeoutMillis)) {
            HttpResponse response = connection.exchange("GET", "/status", null, Map.of(), timeoutMillis);
            if (response.status() != 200) return Optional.empty();
            return Optional.ofNullable(JSON.readTree(response.body()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** POSTs a JSON body to an admin path with the lab's token; returns the status code, or -1 when unreachable. */
    public static int admin(LabNode node, String path, String jsonBody, String token, int timeoutMillis) {
        try (HttpConnection connection = new HttpConnection(node.host(), node.clientPort(), timeoutMillis)) {
            HttpResponse response = connection.exchange("POST", path, jsonBody.getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", "Bearer " + token, "Admin-Token", token), timeoutMillis);
            return response.status();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
