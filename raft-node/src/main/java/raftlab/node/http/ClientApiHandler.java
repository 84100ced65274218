package raftlab.node.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import raftlab.node.metrics.NodeMetrics;

/** Routes every path of the client API; unknown paths get a 404 with a sentence, and the node keeps serving. */
final class ClientApiHandler implements HttpHandler {
    private final NodeApi node;
    private final NodeMetrics metrics;
    private final java.util.function.Consumer<String> log;

    ClientApiHandler(NodeApi node, NodeMetrics metrics, java.util.function.Consumer<String> log) {
        this.node = node;
        this.metrics = metrics;
        this.log = log;
    }

    @Override public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] segments = exchange.getRequestURI().getRawPath().split("/", -1);
            String top = segments.length > 1 ? segments[1] : "";
            try {
                switch (top) {
                    case "kv" -> kv(exchange, segments);
                    case "status" -> only(exchange, segments, "GET", () -> Exchange.json(exchange, 200, StatusJson.render(node)));
                    case "health" -> only(exchange, segments, "GET", () -> health(exchange));
                    case "metrics" -> only(exchange, segments, "GET",
                            () -> Exchange.send(exchange, 200, "text/plain; version=0.0.4", node.metricsText()));
                    case "admin" -> {
                        if (segments.length != 3) throw new KvRequests.Refused(404, "no such admin path; use /admin/add, /admin/remove, /admin/transfer or /admin/snapshot");
                        var command = AdminRequests.parse(exchange, segments[2], node);
                        String result = OutcomeReplies.answer(exchange, node, node.admin(command), true);
                        log.accept("admin: " + command + " -> " + result);
                    }
                    default -> throw new KvRequests.Refused(404,
                            "no such path; the API is /kv/{key}, /kv/{key}/cas, /status, /health, /metrics and /admin/{action}");
                }
            } catch (KvRequests.Refused r) {
                Exchange.error(exchange, r.status, r.getMessage(), null);
            }
        } catch (IOException | RuntimeException e) {
            // The client went away, or a bug: log it and keep serving others.
            log.accept("http: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed (" + e + ")");
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void only(HttpExchange exchange, String[] segments, String method, Action action) throws IOException, KvRequests.Refused {
        if (segments.length != 2) throw new KvRequests.Refused(404, "no such path");
        if (!exchange.getRequestMethod().equals(method)) throw new KvRequests.Refused(405, "use " + method);
        action.run();
    }

    private void health(HttpExchange exchange) throws IOException {
        String stopped = node.stoppedBecause();
        if (stopped != null) Exchange.error(exchange, 503, "this node stopped serving: " + stopped, null);
        else Exchange.json(exchange, 200, "{\"ok\":true,\"role\":\"" + raftlab.node.NodeLoop.roleName(node.status().role()) + "\"}");
    }

    private void kv(HttpExchange exchange, String[] segments) throws IOException {
        long start = System.nanoTime();
        String name = "invalid";
        String result;
        try {
            KvRequests.Parsed parsed = KvRequests.parse(exchange, segments);
            name = parsed.name();
            result = OutcomeReplies.answer(exchange, node, node.submit(parsed.op(), parsed.clientId(), parsed.seq()), false);
        } catch (KvRequests.Refused r) {
            Exchange.error(exchange, r.status, r.getMessage(), null);
            result = "bad-request";
        }
        metrics.clientOp(name, result);
        metrics.clientLatency.recordNanos(System.nanoTime() - start);
    }
}
