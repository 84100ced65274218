package raftlab.node.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading bounded bodies and writing JSON answers. */
final class Exchange {
    /** Bodies are small JSON objects; a megabyte is already suspicious. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private Exchange() {}

    static final class TooLarge extends Exception {
        TooLarge() { super("the request body is larger than " + MAX_BODY_BYTES + " bytes"); }
    }

    static byte[] body(HttpExchange exchange) throws IOException, TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY_BYTES) throw new TooLarge();
            }
        }
        return out.toByteArray();
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json + "\n");
    }

    static void error(HttpExchange exchange, int status, String message, String leader) throws IOException {
        json(exchange, status, "{\"error\":" + JsonValues.quote(message) + ",\"leader\":" + JsonValues.quote(leader) + "}");
    }

    static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
