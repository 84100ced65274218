package raftlab.node.http;

/** Writing JSON answers. */
final class Exchange {
    /** Bodies are small JSON objects; a megabyte is already suspicious. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private Exchange() {}

    static void json(HttpResponse response, int status, String json) {
        response.send(status, "application/json", json + "\n");
    }

    static void error(HttpResponse response, int status, String message, String leader) {
        json(response, status, "{\"error\":" + JsonValues.quote(message) + ",\"leader\":" + JsonValues.quote(leader) + "}");
    }
}
