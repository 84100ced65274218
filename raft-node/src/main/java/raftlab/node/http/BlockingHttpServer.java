package raftlab.node.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server with one thread per connection: clients keep connections alive and wait
 * for each answer, so a blocking thread per client is the cheapest design (the JDK's server hands every
 * request from a selector thread to a pool and back, which cost more CPU than the Raft work here).
 * Connections beyond {@code maxConnections} are answered 503 and closed.
 */
final class BlockingHttpServer implements AutoCloseable {
    interface Handler {
        void handle(HttpRequest request, HttpResponse response) throws IOException;
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final ServerSocket server;
    private final Handler handler;
    private final Consumer<String> log;
    private final Semaphore connections;
    private final int maxBodyBytes;
    private volatile boolean running = true;

    BlockingHttpServer(String host, int port, int maxConnections, int maxBodyBytes, Handler handler, Consumer<String> log) throws IOException {
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
        this.handler = handler;
        this.log = log;
        this.connections = new Semaphore(maxConnections);
        this.maxBodyBytes = maxBodyBytes;
    }

    int port() { return server.getLocalPort(); }

    void start() {
        Thread acceptor = new Thread(this::accept, "http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) log.accept("http: accept failed (" + e.getMessage() + ")");
                continue;
            }
            if (!connections.tryAcquire()) {
                refuse(socket);
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    serve(socket);
                } finally {
                    connections.release();
                }
            }, "http-" + socket.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    private static void refuse(Socket socket) {
        try (socket) {
            new HttpResponse(socket.getOutputStream(), false)
                    .send(503, "application/json", "{\"error\":\"too many client connections; retry later\",\"leader\":null}\n");
        } catch (IOException ignored) {
            // the client is gone anyway
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            while (running) {
                String requestLine = line(in);
                if (requestLine == null) return;
                if (requestLine.isEmpty()) continue;
                String[] parts = requestLine.split(" ");
                Map<String, String> headers = new HashMap<>();
                int headerBytes = 0;
                String line;
                while ((line = line(in)) != null && !line.isEmpty()) {
                    headerBytes += line.length();
                    if (headerBytes > MAX_HEADER_BYTES) {
                        new HttpResponse(out, false).send(431, "application/json", "{\"error\":\"the request headers are too large\",\"leader\":null}\n");
                        return;
                    }
                    int colon = line.indexOf(':');
                    if (colon > 0) headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                if (line == null) return;
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    new HttpResponse(out, false).send(400, "application/json", "{\"error\":\"malformed request line\",\"leader\":null}\n");
                    return;
                }
                boolean keepAlive = parts[2].equals("HTTP/1.1") ? !"close".equalsIgnoreCase(headers.get("connection"))
                        : "keep-alive".equalsIgnoreCase(headers.get("connection"));
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] body = body(in, headers);
                if (body == null) {
                    new HttpResponse(out, false).send(413, "application/json",
                            "{\"error\":\"the request body is larger than " + maxBodyBytes + " bytes\",\"leader\":null}\n");
                    return;
                }
                String target = parts[1];
                int q = target.indexOf('?');
                HttpRequest request = new HttpRequest(parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                        headers, body);
                HttpResponse response = new HttpResponse(out, keepAlive);
                handler.handle(request, response);
                if (!response.sent()) response.send(500, "application/json", "{\"error\":\"the node gave no answer\",\"leader\":null}\n");
                if (!keepAlive) return;
            }
        } catch (IOException e) {
            // the client went away or idled out
        } catch (RuntimeException e) {
            log.accept("http: a connection failed (" + e + ")");
        }
    }

    /** The body, or null when it is larger than allowed (the connection is then closed without reading it). */
    private byte[] body(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
            if (n > maxBodyBytes) {
                // Read what is reasonable to discard, so the client sees the 413 rather than a broken pipe.
                if (n <= 16L * maxBodyBytes) in.skipNBytes(n);
                return null;
            }
            byte[] body = in.readNBytes((int) n);
            if (body.length != n) throw new IOException("the body ended early");
            return body;
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                if (size == null) throw new IOException("the body ended early");
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    String trailer;
                    while ((trailer = line(in)) != null && !trailer.isEmpty()) {
                        // trailers are ignored
                    }
                    return body.toByteArray();
                }
                if (body.size() + n > maxBodyBytes) return null;
                body.write(in.readNBytes(n));
                line(in);
            }
        }
        return new byte[0];
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
                return line.toString();
            }
            if (line.length() > MAX_HEADER_BYTES) throw new IOException("a header line is too long");
            line.append((char) c);
        }
        return null;
    }

    @Override public void close() {
        running = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
