package raftlab.node.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of one path segment (RFC 3986), strictly: every {@code %} takes two hex digits,
 * the bytes must be UTF-8, and {@code +} is a plus sign (it means a space only in form bodies). A
 * lenient decoder made {@code %ff}, {@code %fe} and {@code %80} the same key, and {@code a+b} the
 * key "a b".
 */
final class PercentDecoding {
    private PercentDecoding() {}

    /** Thrown with one sentence for the client. */
    static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    static String decode(String segment) throws Malformed {
        if (segment.indexOf('%') < 0) return segment;
        byte[] bytes = new byte[segment.length()];
        int n = 0;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes[n++] = (byte) c; // the request line is Latin-1 and free of control characters by now
                continue;
            }
            int high = i + 1 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int low = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) throw new Malformed("'%' in the path must be followed by two hex digits, as in %2F");
            bytes[n++] = (byte) (high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("the percent-encoded path is not UTF-8; encode keys as UTF-8 bytes");
        }
    }
}
