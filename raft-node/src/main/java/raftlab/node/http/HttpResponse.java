package raftlab.node.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The answer to one request, sent once, now or later and from any thread; its bytes leave in a
 * single write so that nothing waits on Nagle's algorithm.
 */
public final class HttpResponse {
    /** Where the answer's bytes go: the connection, which closes after them unless {@code keepAlive}. */
    interface Sink {
        void send(byte[] bytes, boolean keepAlive);
    }

    private final Sink sink;
    private final Executor connectionThread;
    private final boolean keepAlive;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private volatile boolean sent;

    HttpResponse(Sink sink, Executor connectionThread, boolean keepAlive) {
        this.sink = sink;
        this.connectionThread = connectionThread;
        this.keepAlive = keepAlive;
    }

    public void header(String name, String value) { headers.put(name, value); }

    public boolean sent() { return sent; }

    /** The thread that owns the connection: rendering an answer there keeps it off the node loop. */
    Executor connectionThread() { return connectionThread; }

    public void send(int status, String contentType, String text) {
        if (sent) throw new IllegalStateException("this request was answered already");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        head.append("Content-Type: ").append(contentType).append("\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        if (!keepAlive) head.append("Connection: close\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        sent = true;
        sink.send(all, keepAlive);
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
