package raftlab.node.client;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client that finds the leader by itself: it asks any node, follows {@code 307} to the leader,
 * moves on to the next node when one is down or knows no leader (a {@code 503} was certainly not
 * appended, so retrying it is safe), and keeps its connection to whoever answered last.
 */
public final class KvClient implements AutoCloseable {
    /** host:port of each node's client API. */
    public record Endpoint(String host, int port) {
        @Override public String toString() { return host + ":" + port; }
    }

    /** No node could be reached, so the request was certainly not sent anywhere. */
    public static final class NotSent extends IOException {
        public NotSent(String message, Throwable cause) { super(message, cause); }
    }

    private final List<Endpoint> endpoints;
    private final int timeoutMillis;
    private final Map<Endpoint, HttpConnection> connections = new LinkedHashMap<>();
    private Endpoint preferred;

    public KvClient(List<Endpoint> endpoints, int timeoutMillis) {
        if (endpoints.isEmpty()) throw new IllegalArgumentException("no nodes to talk to");
        this.endpoints = List.copyOf(endpoints);
        this.timeoutMillis = timeoutMillis;
        this.preferred = endpoints.get(0);
    }

    /**
     * Sends the request to the leader, retrying definite refusals (503, connection refused) until
     * {@code deadlineMillis} of wall time have passed; returns the last answer, or throws when no node answered.
     * A request that may have reached a node (a broken connection after sending) is not retried: it throws.
     */
    public HttpConnection.Response call(String method, String path, Map<String, String> headers, String body, long deadlineMillis)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + deadlineMillis;
        HttpConnection.Response last = null;
        IOException lastError = null;
        int next = endpoints.indexOf(preferred);
        while (true) {
            Endpoint target = preferred;
            HttpConnection connection;
            try {
                connection = connection(target);
            } catch (IOException e) {
                // Connecting failed: nothing was sent, so trying elsewhere is safe.
                lastError = e;
                next = (next + 1) % endpoints.size();
                preferred = endpoints.get(next);
                if (System.currentTimeMillis() > deadline) break;
                if (next == 0) Thread.sleep(50);
                continue;
            }
            HttpConnection.Response response;
            try {
                response = connection.request(method, path, headers, body);
            } catch (IOException e) {
                drop(target);
                throw e;
            }
            last = response;
            if (response.status() == 307) {
                Endpoint leader = fromLocation(response.header("location"));
                if (leader != null) {
                    preferred = leader;
                    if (!endpoints.contains(leader)) next = 0;
                    continue;
                }
            }
            if (response.status() != 503 || System.currentTimeMillis() > deadline) return response;
            next = (next + 1) % endpoints.size();
            preferred = endpoints.get(next);
            Thread.sleep(20);
        }
        if (last != null) return last;
        throw new NotSent("could not connect to any of " + endpoints + (lastError == null ? "" : " (" + lastError.getMessage() + ")"), lastError);
    }

    /** The node that gave the last answer: after a 200, the leader. */
    public Endpoint lastAnswered() { return preferred; }

    private static Endpoint fromLocation(String location) {
        if (location == null) return null;
        URI uri = URI.create(location);
        return new Endpoint(uri.getHost(), uri.getPort());
    }

    private HttpConnection connection(Endpoint endpoint) throws IOException {
        HttpConnection existing = connections.get(endpoint);
        if (existing != null) return existing;
        HttpConnection created = new HttpConnection(endpoint.host(), endpoint.port(), timeoutMillis);
        connections.put(endpoint, created);
        return created;
    }

    private void drop(Endpoint endpoint) {
        HttpConnection c = connections.remove(endpoint);
        if (c != null) c.close();
    }

    public static List<Endpoint> parseEndpoints(List<String> hostPorts) {
        List<Endpoint> result = new ArrayList<>();
        for (String hp : hostPorts) {
            int colon = hp.lastIndexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("the node '" + hp + "' is not of the form host:clientPort");
            result.add(new Endpoint(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))));
        }
        return result;
    }

    @Override public void close() {
        connections.values().forEach(HttpConnection::close);
        connections.clear();
    }
}
