package raftlab.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import raftlab.raft.kv.KvOp;

/** {@code GET|PUT|DELETE /kv/{key}} and {@code POST /kv/{key}/cas}. */
final class KvRequests {
    static final int MAX_KEY_BYTES = 256;
    static final int MAX_VALUE_BYTES = 64 * 1024;
    static final int MAX_CLIENT_ID_CHARS = 128;

    private KvRequests() {}

    /** A parsed request: the operation, its name for metrics, and the retry identity. */
    record Parsed(KvOp op, String name, String clientId, long seq) {}

    /** Thrown for requests a client must fix, with the status to answer. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static Parsed parse(HttpRequest exchange, String[] segments) throws Refused {
        String method = exchange.method();
        if (segments.length < 3 || segments.length > 4 || (segments.length == 4 && !segments[3].equals("cas"))) {
            throw new Refused(404, "no such path; use /kv/{key} or /kv/{key}/cas");
        }
        String key;
        try {
            key = PercentDecoding.decode(segments[2]);
        } catch (PercentDecoding.Malformed e) {
            throw new Refused(400, e.getMessage());
        }
        if (key.isEmpty()) throw new Refused(400, "the key is empty; use /kv/{key}");
        if (key.chars().anyMatch(Character::isISOControl)) throw new Refused(400, "the key contains a control character");
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new Refused(413, "the key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        String clientId = exchange.header("Client-Id");
        String seqText = exchange.header("Request-Seq");
        long seq = 0;
        if (clientId != null && (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID_CHARS)) {
            throw new Refused(400, "the Client-Id header must have 1 to " + MAX_CLIENT_ID_CHARS + " characters");
        }
        if (seqText != null) {
            try {
                seq = Long.parseLong(seqText.trim());
            } catch (NumberFormatException e) {
                throw new Refused(400, "the Request-Seq header must be a non-negative integer");
            }
            if (seq < 0) throw new Refused(400, "the Request-Seq header must be a non-negative integer");
            // No later request could have a larger number: this one would leave its client unable to make another.
            if (seq == Long.MAX_VALUE) throw new Refused(400, "the Request-Seq header must be less than " + Long.MAX_VALUE);
            if (clientId == null) throw new Refused(400, "a Request-Seq header needs a Client-Id header");
        }
        boolean cas = segments.length == 4;
        try {
            if (cas) {
                if (!method.equals("POST")) throw new Refused(405, "use POST for /kv/{key}/cas");
                ObjectNode body = JsonValues.parseObject(exchange.body());
                String expect = JsonValues.canonical(body.get("expect"), "expect", true);
                String value = JsonValues.canonical(body.get("value"), "value", false);
                checkSize(expect);
                checkSize(value);
                return new Parsed(new KvOp.Cas(key, expect, value), "cas", clientId, seq);
            }
            switch (method) {
                case "GET":
                    return new Parsed(new KvOp.Get(key), "get", clientId, seq);
                case "DELETE":
                    return new Parsed(new KvOp.Delete(key), "delete", clientId, seq);
                case "PUT": {
                    ObjectNode body = JsonValues.parseObject(exchange.body());
                    String value = JsonValues.canonical(body.get("value"), "value", false);
                    checkSize(value);
                    return new Parsed(new KvOp.Put(key, value), "put", clientId, seq);
                }
                default:
                    throw new Refused(405, "use GET, PUT or DELETE for /kv/{key}");
            }
        } catch (JsonValues.BadInput e) {
            throw new Refused(400, e.getMessage());
        }
    }

    private static void checkSize(String value) throws Refused {
        if (value != null && value.length() > MAX_VALUE_BYTES) {
            throw new Refused(413, "the value is longer than " + MAX_VALUE_BYTES + " bytes");
        }
    }
}
