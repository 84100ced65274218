package raftlab.node.http;

import java.util.function.Consumer;

/** Writing JSON answers. */
final class Exchange {
    private Exchange() {}

    static void json(HttpResponse response, int status, String json) {
        response.send(status, "application/json", json + "\n");
    }

    static void error(HttpResponse response, int status, String message, String leader) {
        json(response, status, "{\"error\":" + JsonValues.quote(message) + ",\"leader\":" + JsonValues.quote(leader) + "}");
    }

    /** A bug must neither take the node down nor leave the client waiting: log it and answer 500 unless already answered. */
    static void internalError(HttpRequest request, HttpResponse response, RuntimeException e, Consumer<String> log) {
        log.accept("http: " + request.method() + " " + request.rawPath() + " failed (" + e + ")");
        if (!response.sent()) error(response, 500, "the node failed to answer this request; see its log", null);
    }
}
