package raftlab.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.lab.LabNode;
import raftlab.history.OpType;

/**
 * The client of one process: it talks to its home node over the client API, follows 307
 * redirects to the leader, and maps every outcome as docs/design.md's client API says. It never
 * retries on its own: a request that may have been received is {@code info}, and the worker
 * retires the process.
 */
public final class KvClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REDIRECTS = 3;

    private final LabNode home;
    private final List<LabNode> others;
    private final boolean independent;
    private final int timeoutMillis;
    private final String clientId;
    private final Map<String, HttpConnection> connections = new LinkedHashMap<>();
    private long sequence;

    public KvClient(LabNode home, boolean independent, String clientId, int timeoutMillis) {
        this(home, List.of(), independent, clientId, timeoutMillis);
    }

    /**
     * A client of {@code home} that, when a node refuses the connection (the request certainly was
     * not sent), tries the {@code others} in turn before giving up: a killed node then costs one
     * refused connection per operation, not a failed operation.
     */
    public KvClient(LabNode home, List<LabNode> others, boolean independent, String clientId, int timeoutMillis) {
        this.home = home;
        this.others = List.copyOf(others);
        this.independent = independent;
        this.clientId = clientId;
        this.timeoutMillis = timeoutMillis;
    }

    public Completion invoke(OpSpec op) {
        Object keyAndValue = op.value();
        String key;
        Object v;
        if (independent) {
            List<?> tuple = (List<?>) keyAndValue;
            key = "r" + tuple.get(0);
            v = tuple.get(1);
        } else {
            key = raftlab.harness.workload.RegisterWorkload.KEY;
            v = keyAndValue;
        }
        String method;
        String path = "/kv/" + key;
        byte[] body;
        switch (op.f()) {
            case "read" -> { method = "GET"; body = null; }
            case "write" -> { method = "PUT"; body = ("{\"value\":" + json(v) + "}").getBytes(StandardCharsets.UTF_8); }
            case "cas" -> {
                List<?> fromTo = (List<?>) v;
                method = "POST";
                path = path + "/cas";
                body = ("{\"expect\":" + json(fromTo.get(0)) + ",\"value\":" + json(fromTo.get(1)) + "}").getBytes(StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException("unknown operation " + op.f());
        }
        Map<String, String> headers = Map.of("Client-Id", clientId, "Request-Seq", Long.toString(++sequence));
        String host = home.host();
        int port = home.clientPort();

        int fallback = 0;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
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
                    hop--;
                    continue;
                }
                return new Completion(OpType.FAIL, op.value(), "connect", null);
            } catch (SocketTimeoutException e) {
                return new Completion(OpType.INFO, op.value(), "timeout", null);
            } catch (IOException e) {
                return new Completion(OpType.INFO, op.value(), "connection-lost", null);
            }

            int status = response.status();
            switch (status) {
                case 200 -> { return ok(op, response); }
                case 307 -> {
                    URI location = redirect(response, path);
                    if (location == null) return new Completion(OpType.FAIL, op.value(), "redirect-without-location", null);
                    host = location.getHost();
                    port = location.getPort();
                    // The leader's own path: a 307 keeps method and body, and names where to send them.
                    if (location.getRawPath() != null && !location.getRawPath().isEmpty()) path = location.getRawPath();
                }
                case 409 -> { return new Completion(OpType.FAIL, op.value(), op.f().equals("cas") ? "mismatch" : "conflict", null); }
                case 503 -> { return new Completion(OpType.FAIL, op.value(), "unavailable", null); }
                case 504 -> { return new Completion(OpType.INFO, op.value(), "timeout", null); }
                case 422 -> { return new Completion(OpType.FAIL, op.value(), "request-seq-reused", null); }
                case 400, 404, 413, 431 -> { return new Completion(OpType.FAIL, op.value(), "http-" + status, null); }
                default -> {
                    // Anything else the contract does not name: the node may have done it.
                    return new Completion(OpType.INFO, op.value(), "http-" + status, null);
                }
            }
        }
        // Redirected over and over: no node appended the entry (only a leader appends, and it answers itself).
        return new Completion(OpType.FAIL, op.value(), "too-many-redirects", null);
    }

    private Completion ok(OpSpec op, HttpResponse response) {
        if (!op.f().equals("read")) return new Completion(OpType.OK, op.value(), null, null);
        Object read;
        try {
            JsonNode node = JSON.readTree(response.body());
            JsonNode value = node == null ? null : node.get("value");
            if (value == null) return new Completion(OpType.INFO, op.value(), "bad-read-body", null);
            read = scalar(value);
        } catch (IOException e) {
            return new Completion(OpType.INFO, op.value(), "bad-read-body", null);
        }
        Object recorded = independent ? tuple(((List<?>) op.value()).get(0), read) : read;
        return new Completion(OpType.OK, recorded, null, read);
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) return null;
        if (value.isIntegralNumber()) return value.longValue();
        if (value.isBoolean()) return value.booleanValue();
        return value.asText();
    }

    private static URI redirect(HttpResponse response, String path) {
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

    private static List<Object> tuple(Object key, Object value) {
        List<Object> t = new ArrayList<>(2);
        t.add(key);
        t.add(value);
        return java.util.Collections.unmodifiableList(t);
    }

    @Override public void close() {
        connections.values().forEach(HttpConnection::close);
        connections.clear();
    }
}
