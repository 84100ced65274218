package raftlab.node.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Exact bytes to a client port and the status that comes back: a well-behaved client cannot send what the probes send. */
final class RawHttp {
    private RawHttp() {}

    static Socket connect(String host, int port, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), timeoutMillis);
        s.setSoTimeout(timeoutMillis);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Sends {@code request} and returns the answer's status code, or -1 when the connection closed without one. */
    static int status(String host, int port, String request, int timeoutMillis) throws IOException {
        try (Socket s = connect(host, port, timeoutMillis)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return readStatus(s.getInputStream());
        }
    }

    /** The status of the answer at the front of {@code in} (its head is read, its body left), or -1 at end of stream. */
    static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') line.write(c);
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) return -1;
        return Integer.parseInt(text.substring(9, 12));
    }

    /** Milliseconds until {@code GET /health} is answered on a new connection, and its status; -1 status if none. */
    static long[] timedHealth(String host, int port, int timeoutMillis) {
        long start = System.nanoTime();
        int status;
        try {
            status = status(host, port, "GET /health HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n", timeoutMillis);
        } catch (SocketTimeoutException e) {
            status = -1;
        } catch (IOException e) {
            status = -2;
        }
        return new long[] {(System.nanoTime() - start) / 1_000_000, status};
    }
}
