package raftlab.node.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one HTTP/1.1 request from the front of a buffer. Pure: the event loop only moves bytes and
 * calls this again when more arrive, so every framing rule (limits, bodies, keep-alive) is tested
 * without a socket.
 */
final class RequestParser {
    /** What the front of the buffer holds. */
    sealed interface Result {}

    /**
     * Not a whole request yet; {@code headComplete} once the request line and headers are in (the body's own
     * deadline starts then), {@code expectsContinue} when that head asks for {@code 100 Continue}.
     */
    record NeedMore(boolean headComplete, boolean expectsContinue) implements Result {}

    /** A whole request, taking {@code consumed} bytes; {@code keepAlive} when the connection stays open after the answer. */
    record Parsed(HttpRequest request, boolean keepAlive, int consumed) implements Result {}

    /**
     * A request the server answers with {@code status} and then closes; {@code discard} is how many more
     * bytes of an oversized body to read and drop first, so that the client sees the answer, not a reset.
     */
    record Refused(int status, String message, long discard) implements Result {}

    private static final NeedMore NEED_MORE = new NeedMore(false, false);
    /** A chunk-size line (size and extensions) longer than this is not from a real client. */
    static final int MAX_CHUNK_LINE_BYTES = 1024;

    private final int maxHeadBytes;
    private final int maxBodyBytes;

    RequestParser(int maxHeadBytes, int maxBodyBytes) {
        this.maxHeadBytes = maxHeadBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    Result parse(byte[] buf, int from, int to) {
        int start = from;
        // Blank lines before a request are allowed (RFC 9112 section 2.2).
        while (start < to && (buf[start] == '\r' || buf[start] == '\n')) start++;
        int headEnd = headEnd(buf, start, to);
        if (headEnd < 0) return to - start > maxHeadBytes ? new Refused(431, "the request headers are too large", 0) : NEED_MORE;
        if (headEnd - start > maxHeadBytes) return new Refused(431, "the request headers are too large", 0);
        int bodyStart = buf[headEnd + 1] == '\n' ? headEnd + 2 : headEnd + 3;
        int lineEnd = lineEnd(buf, start, headEnd);
        String[] parts = text(buf, start, lineEnd).split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) return new Refused(400, "malformed request line", 0);
        // A control character in the target would otherwise travel on, into a redirect's Location header.
        for (int i = 0; i < parts[1].length(); i++) {
            char ch = parts[1].charAt(i);
            if (ch < 0x21 || ch == 0x7f) return new Refused(400, "the request target contains a control character or space; percent-encode it", 0);
        }
        Map<String, String> headers = new HashMap<>();
        for (int at = lineEnd + 1; at <= headEnd; ) {
            int end = lineEnd(buf, at, headEnd);
            int colon = indexOf(buf, at, end, (byte) ':');
            if (colon > at) headers.putIfAbsent(text(buf, at, colon).trim().toLowerCase(Locale.ROOT), text(buf, colon + 1, end).trim());
            at = end + 1;
        }
        String connection = headers.get("connection");
        boolean keepAlive = parts[2].equals("HTTP/1.1") ? !"close".equalsIgnoreCase(connection) : "keep-alive".equalsIgnoreCase(connection);
        Head head = new Head(parts[0], parts[1], headers, keepAlive, "100-continue".equalsIgnoreCase(headers.get("expect")));
        String length = headers.get("content-length");
        String transferEncoding = headers.get("transfer-encoding");
        // Both, or an encoding other than chunked, is how requests are smuggled past proxies: refuse rather than guess.
        if (length != null && transferEncoding != null) return new Refused(400, "a request may not have both Content-Length and Transfer-Encoding", 0);
        if (transferEncoding != null && !"chunked".equalsIgnoreCase(transferEncoding)) {
            return new Refused(400, "the only Transfer-Encoding this server takes is chunked", 0);
        }
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return new Refused(400, "the Content-Length header is not a number", 0);
            }
            if (n < 0) return new Refused(400, "the Content-Length header is negative", 0);
            long buffered = to - bodyStart;
            // Bodies of up to 16 times the limit are read and dropped; beyond that the client only gets a reset.
            if (n > maxBodyBytes) return new Refused(413, tooLarge(), n <= 16L * maxBodyBytes ? n - Math.min(n, buffered) : 0);
            if (buffered < n) return head.needMore();
            return head.parsed(Arrays.copyOfRange(buf, bodyStart, bodyStart + (int) n), bodyStart + (int) n - from);
        }
        if (transferEncoding != null) return chunked(buf, from, bodyStart, to, head);
        return head.parsed(new byte[0], bodyStart - from);
    }

    /** The request line and headers, read; what the body needs to become a request. */
    private record Head(String method, String target, Map<String, String> headers, boolean keepAlive, boolean expectsContinue) {
        NeedMore needMore() { return new NeedMore(true, expectsContinue); }

        Parsed parsed(byte[] body, int consumed) {
            int q = target.indexOf('?');
            HttpRequest request = new HttpRequest(method, q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1), headers, body);
            return new Parsed(request, keepAlive, consumed);
        }
    }

    private Result chunked(byte[] buf, int from, int at, int to, Head head) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int pos = at;
        while (true) {
            // Chunk framing may cost at most as much again as the body itself: a million one-byte chunks are an attack.
            if ((long) pos - at > 2L * maxBodyBytes + MAX_CHUNK_LINE_BYTES) return new Refused(413, "the chunked body's framing is too large", 0);
            int lineEnd = indexOf(buf, pos, Math.min(to, pos + MAX_CHUNK_LINE_BYTES + 1), (byte) '\n');
            if (lineEnd < 0) {
                return to - pos > MAX_CHUNK_LINE_BYTES ? new Refused(400, "a chunk-size line is longer than " + MAX_CHUNK_LINE_BYTES + " bytes", 0)
                        : head.needMore();
            }
            String sizeLine = text(buf, pos, lineEnd).trim();
            int semicolon = sizeLine.indexOf(';');
            int n;
            try {
                n = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon).trim(), 16);
            } catch (NumberFormatException e) {
                return new Refused(400, "malformed chunk size in a chunked body", 0);
            }
            if (n < 0) return new Refused(400, "malformed chunk size in a chunked body", 0);
            pos = lineEnd + 1;
            if (n == 0) {
                // Trailers, if any, end with an empty line; they are ignored, and bounded like a head.
                int trailersStart = pos;
                while (true) {
                    int end = indexOf(buf, pos, to, (byte) '\n');
                    if (end - trailersStart > maxHeadBytes || (end < 0 && to - trailersStart > maxHeadBytes)) {
                        return new Refused(431, "the chunked body's trailers are too large", 0);
                    }
                    if (end < 0) return head.needMore();
                    boolean empty = end == pos || (end == pos + 1 && buf[pos] == '\r');
                    pos = end + 1;
                    if (empty) return head.parsed(body.toByteArray(), pos - from);
                }
            }
            if ((long) body.size() + n > maxBodyBytes) return new Refused(413, tooLarge(), 0);
            if (to - pos < n) return head.needMore();
            body.write(buf, pos, n);
            pos += n;
            // The data ends with exactly one line end, not with anything the client likes.
            if (pos >= to) return head.needMore();
            if (buf[pos] == '\r') {
                if (pos + 1 >= to) return head.needMore();
                pos++;
            }
            if (buf[pos] != '\n') return new Refused(400, "a chunk's data is longer than its size says", 0);
            pos++;
        }
    }

    private String tooLarge() { return "the request body is larger than " + maxBodyBytes + " bytes"; }

    /** Index of the line feed that ends the last header line when an empty line (CRLF or bare LF) follows it, or -1. */
    private static int headEnd(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != '\n') continue;
            if (i + 1 < to && buf[i + 1] == '\n') return i;
            if (i + 2 < to && buf[i + 1] == '\r' && buf[i + 2] == '\n') return i;
        }
        return -1;
    }

    /** Index of the line feed ending the line that starts at {@code from}, or {@code headEnd} for the last header line. */
    private static int lineEnd(byte[] buf, int from, int headEnd) {
        int end = indexOf(buf, from, headEnd, (byte) '\n');
        return end < 0 ? headEnd : end;
    }

    /** The bytes as Latin-1 text, without the carriage return that may end a line. */
    private static String text(byte[] buf, int from, int to) {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        return new String(buf, from, end - from, StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) if (buf[i] == b) return i;
        return -1;
    }
}
