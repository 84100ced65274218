package raftlab.harness.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, used by one worker at a time. It is deliberately tiny:
 * the harness must know exactly when a request may have left (anything after the connection is
 * made), which a general client hides, and it must cost little so the harness is never the
 * bottleneck at thousands of operations per second.
 */
public final class HttpConnection implements Closeable {
    /** A connection idle longer than this is replaced before use, so a server's idle close never turns a request into an unknown. */
    private static final long IDLE_LIMIT_NANOS = 3_000_000_000L;
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsedNanos;

    public HttpConnection(String host, int port, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Sends one request and reads the response within {@code timeoutMillis}.
     *
     * @throws NotSentException when no connection could be made (the request was not sent)
     * @throws IOException      for anything after that (the request may have been received)
     */
    public HttpResponse exchange(String method, String path, byte[] body, Map<String, String> headers, int timeoutMillis) throws IOException {
        if (socket != null && System.nanoTime() - lastUsedNanos > IDLE_LIMIT_NANOS) close();
        if (socket == null) connect();
        try {
            socket.setSoTimeout(timeoutMillis);
            StringBuilder head = new StringBuilder(160);
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nConnection: keep-alive\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            else if (!method.equals("GET")) head.append("Content-Length: 0\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            HttpResponse response = readResponse(System.nanoTime() + timeoutMillis * 1_000_000L);
            lastUsedNanos = System.nanoTime();
            String connection = response.header("connection");
            if (connection != null && connection.equalsIgnoreCase("close")) close();
            return response;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws NotSentException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        } catch (IOException e) {
            try { s.close(); } catch (IOException ignored) { }
            throw new NotSentException("could not connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        try {
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 8192);
            out = new java.io.BufferedOutputStream(s.getOutputStream(), 2048);
        } catch (IOException e) {
            close();
            throw new NotSentException("could not open streams to " + host + ":" + port, e);
        }
        lastUsedNanos = System.nanoTime();
    }

    private HttpResponse readResponse(long deadlineNanos) throws IOException {
        String statusLine = readLine(deadlineNanos);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("bad status line: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        while (true) {
            String line = readLine(deadlineNanos);
            if (line.isEmpty()) break;
            int colon = line.indexOf(':');
            if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] body;
        String length = headers.get("content-length");
        String encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.equalsIgnoreCase("chunked")) body = readChunked(deadlineNanos);
        else if (length != null) body = readExactly(Integer.parseInt(length.trim()), deadlineNanos);
        else body = new byte[0];
        return new HttpResponse(status, headers, body);
    }

    private byte[] readChunked(long deadlineNanos) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(deadlineNanos);
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!readLine(deadlineNanos).isEmpty()) { }
                return all.toByteArray();
            }
            if (all.size() + size > MAX_BODY_BYTES) throw new IOException("response body too large");
            all.write(readExactly(size, deadlineNanos));
            readLine(deadlineNanos);
        }
    }

    private byte[] readExactly(int length, long deadlineNanos) throws IOException {
        if (length < 0 || length > MAX_BODY_BYTES) throw new IOException("bad content length " + length);
        byte[] body = new byte[length];
        int at = 0;
        while (at < length) {
            checkDeadline(deadlineNanos);
            int n = in.read(body, at, length - at);
            if (n < 0) throw new EOFException("connection closed in the body");
            at += n;
        }
        return body;
    }

    private String readLine(long deadlineNanos) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) throw new EOFException("connection closed before the response");
            if (c == '\n') break;
            if (c != '\r') line.append((char) c);
            if (line.length() > 8192) throw new IOException("header line too long");
            if ((line.length() & 63) == 0) checkDeadline(deadlineNanos);
        }
        return line.toString();
    }

    private static void checkDeadline(long deadlineNanos) throws java.net.SocketTimeoutException {
        // The socket timeout bounds each read; this bounds a server that trickles bytes.
        if (System.nanoTime() > deadlineNanos) throw new java.net.SocketTimeoutException("response took too long");
    }

    @Override public void close() {
        if (socket != null) {
            try { socket.close(); } catch (IOException ignored) { }
        }
        socket = null;
        in = null;
        out = null;
    }
}
