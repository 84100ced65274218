package raftlab.node.http;

import java.util.function.Consumer;
import raftlab.node.NodeLoop;
import raftlab.node.metrics.NodeMetrics;

/**
 * Routes every path of the client API; unknown paths get a 404 with a sentence, and the node keeps
 * serving. A bug that throws here is answered 500 by the server, which owns the connection.
 */
final class ClientApiHandler implements EventLoopHttpServer.Handler {
    private final NodeApi node;
    private final NodeMetrics metrics;
    private final Consumer<String> log;

    ClientApiHandler(NodeApi node, NodeMetrics metrics, Consumer<String> log) {
        this.node = node;
        this.metrics = metrics;
        this.log = log;
    }

    @Override public void handle(HttpRequest request, HttpResponse response) {
        String[] segments = request.rawPath().split("/", -1);
        String top = segments.length > 1 ? segments[1] : "";
        try {
            // A supervisor may ask whether the node is alive without the token; everything else needs it.
            if (!top.equals("health")) ClientToken.check(request, node.clientToken());
            switch (top) {
                case "kv" -> kv(request, response, segments);
                case "status" -> only(request, segments, "GET", () -> Exchange.json(response, 200, StatusJson.render(node)));
                case "health" -> only(request, segments, "GET", () -> health(response));
                case "metrics" -> only(request, segments, "GET",
                        () -> response.send(200, "text/plain; version=0.0.4", node.metricsText()));
                case "admin" -> {
                    if (segments.length != 3) {
                        throw new KvRequests.Refused(404, "no such admin path; use /admin/add, /admin/remove, /admin/transfer or /admin/snapshot");
                    }
                    var command = AdminRequests.parse(request, segments[2], node);
                    OutcomeReplies.answer(request, response, node, node.admin(command), true,
                            result -> log.accept("admin: " + command + " -> " + result), log);
                }
                default -> throw new KvRequests.Refused(404,
                        "no such path; the API is /kv/{key}, /kv/{key}/cas, /status, /health, /metrics and /admin/{action}");
            }
        } catch (KvRequests.Refused r) {
            Exchange.error(response, r.status, r.getMessage(), null);
        }
    }

    private static void only(HttpRequest request, String[] segments, String method, Runnable action) throws KvRequests.Refused {
        if (segments.length != 2) throw new KvRequests.Refused(404, "no such path");
        if (!request.method().equals(method)) throw new KvRequests.Refused(405, "use " + method);
        action.run();
    }

    private void health(HttpResponse response) {
        String stopped = node.stoppedBecause();
        if (stopped != null) Exchange.error(response, 503, "this node stopped serving: " + stopped, null);
        else Exchange.json(response, 200, "{\"ok\":true,\"role\":\"" + NodeLoop.roleName(node.status().role()) + "\"}");
    }

    private void kv(HttpRequest request, HttpResponse response, String[] segments) {
        long start = System.nanoTime();
        KvRequests.Parsed parsed;
        try {
            parsed = KvRequests.parse(request, segments);
        } catch (KvRequests.Refused r) {
            Exchange.error(response, r.status, r.getMessage(), null);
            answered("invalid", "bad-request", start);
            return;
        }
        OutcomeReplies.answer(request, response, node, node.submit(parsed.op(), parsed.clientId(), parsed.seq()), false,
                result -> answered(parsed.name(), result, start), log);
    }

    private void answered(String name, String result, long startNanos) {
        metrics.clientOp(name, result);
        metrics.clientLatency.recordNanos(System.nanoTime() - startNanos);
    }
}
