package raftlab.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.lab.LabNode;

/**
 * The network client of one process: it asks its home node first for every operation, follows 307
 * redirects to the leader, asks the next node after a refused connection (certainly not sent), and maps
 * every answer through {@link Answers}. It never retries on its own:
 * a request that may have been received is {@code info}, and the process is retired.
 */
public final class KvClient implements Client {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(KvClient.class.getName());
    private static final AtomicBoolean TOKEN_WARNED = new AtomicBoolean();

    private final LabNode home;
    private final List<LabNode> others;
    private final int timeoutMillis;
    private final String clientId;
    private final Map<String, HttpConnection> connections = new LinkedHashMap<>();
    private long sequence;

    public KvClient(LabNode home, String clientId, int timeoutMillis) {
        this(home, List.of(), clientId, timeoutMillis);
    }

    /**
     * A client of {@code home} that, when a node refuses the connection (the request certainly was
     * not sent), tries the {@code others} in turn before giving up: a killed node then costs one
     * refused connection per operation, not a failed operation.
     */
    public KvClient(LabNode home, List<LabNode> others, String clientId, int timeoutMillis) {
        this.home = home;
        this.others = List.copyOf(others);
        this.clientId = clientId;
        this.timeoutMillis = timeoutMillis;
    }

    @Override public void invoke(OpSpec op, Consumer<Completion> done) { done.accept(invoke(op)); }

    /** Performs the operation and returns how it ended. */
    public Completion invoke(OpSpec op) {
        String method;
        String path = "/kv/" + op.key();
        byte[] body;
        switch (op.f()) {
            case "read" -> { method = "GET"; body = null; }
            case "write" -> { method = "PUT"; body = ("{\"value\":" + json(op.argument()) + "}").getBytes(StandardCharsets.UTF_8); }
            case "cas" -> {
                List<?> fromTo = (List<?>) op.argument();
                method = "POST";
                path = path + "/cas";
                body = ("{\"expect\":" + json(fromTo.get(0)) + ",\"value\":" + json(fromTo.get(1)) + "}").getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException("unknown operation " + op.f());
        }
        // Every node of a lab has the same token, so the header holds after a redirect too.
        Map<String, String> headers = ClientAuthorization.with(Map.of("Client-Id", clientId, "Request-Seq", Long.toString(++sequence)),
                home.clientToken());
        String host = home.host();
        int port = home.clientPort();
        String node = home.id();

        int fallback = 0;
        for (int hop = 0; hop <= Answers.MAX_REDIRECTS; hop++) {
            HttpResponse response;
            try {
                response = connection(host, port).exchange(method, path, body, headers, timeoutMillis);
            } catch (NotSentException e) {
                // Not sent to this node; an earlier hop, if any, was a redirect from a node that did not append. So the
                // operation certainly did not happen, and another node may be asked instead.
                if (fallback < others.size()) {
                    LabNode next = others.get(fallback++);
                    host = next.host();
                    port = next.clientPort();
                    node = next.id();
                    hop--;
                    continue;
                }
                return Answers.notSent(op);
            } catch (SocketTimeoutException e) {
                return Answers.noAnswer(op);
            } catch (IOException e) {
                return Answers.connectionLost(op);
            }

            int status = response.status();
            if (status == 401) warnOnce(node, response);
            if (status != 307) return status == 200 && op.f().equals("read") ? read(op, response, node) : Answers.answered(op, status, null, node);
            URI location = redirect(response);
            if (location == null) return Answers.redirectedAway(op, "redirect-without-location", node);
            host = location.getHost();
            port = location.getPort();
            node = nodeAt(response, host, port);
            // The leader's own path: a 307 keeps method and body, and names where to send them.
            if (location.getRawPath() != null && !location.getRawPath().isEmpty()) path = location.getRawPath();
        }
        // Redirected over and over: no node appended the entry (only a leader appends, and it answers itself).
        return Answers.redirectedAway(op, "too-many-redirects", node);
    }

    /**
     * A refused token is the lab's fault, not the cluster's: said once in the log (raftlab.log) with the node's reason,
     * while every refused operation is recorded as {@link Answers#CLIENT_TOKEN_REFUSED}.
     */
    private static void warnOnce(String node, HttpResponse response) {
        if (TOKEN_WARNED.compareAndSet(false, true)) {
            String said = response.bodyText().strip().replaceAll("\\s+", " ");
            LOG.warning(node + " refused the harness's client token (401: " + (said.length() > 300 ? said.substring(0, 300) + "..." : said)
                    + "); the lab's nodes and its clients disagree on the token, and every refused operation is recorded as info "
                    + Answers.CLIENT_TOKEN_REFUSED);
        }
    }

    private static Completion read(OpSpec op, HttpResponse response, String node) {
        try {
            JsonNode tree = JSON.readTree(response.body());
            JsonNode value = tree == null ? null : tree.get("value");
            if (value == null) return Answers.badReadBody(op, node);
            return Answers.answered(op, 200, scalar(value), node);
        } catch (IOException e) {
            return Answers.badReadBody(op, node);
        }
    }

    /** The node a redirect leads to: the leader the node named, else the lab node at that address, else the address. */
    private String nodeAt(HttpResponse response, String host, int port) {
        String leader = response.header("raft-leader");
        if (leader != null && !leader.isBlank()) return leader;
        if (home.host().equals(host) && home.clientPort() == port) return home.id();
        for (LabNode other : others) if (other.host().equals(host) && other.clientPort() == port) return other.id();
        return host + ":" + port;
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) return null;
        if (value.isIntegralNumber()) return value.longValue();
        if (value.isBoolean()) return value.booleanValue();
        return value.asText();
    }

    private static URI redirect(HttpResponse response) {
        String location = response.header("location");
        if (location == null) return null;
        try {
            URI uri = URI.create(location);
            return uri.getHost() == null || uri.getPort() < 0 ? null : uri;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private HttpConnection connection(String host, int port) {
        return connections.computeIfAbsent(host + ":" + port, k -> new HttpConnection(host, port, Math.min(1000, timeoutMillis)));
    }

    private static String json(Object v) {
        if (v == null) return "null";
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override public void close() {
        connections.values().forEach(HttpConnection::close);
        connections.clear();
    }
}
