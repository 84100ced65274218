package raftlab.raft.kv;

/**
 * A 64-bit fingerprint of an operation (FNV-1a over its kind and fields), kept in a client's session
 * so that a request reusing the session's sequence number for a different operation is told so
 * instead of getting another request's answer. Computed here, by a rule that does not depend on the
 * JVM, because every replica must reach the same verdict. It guards against mistakes, not attacks:
 * a client can only confuse itself.
 */
final class RequestFingerprint {
    /** Sessions restored from a snapshot written before fingerprints existed: any operation matches. */
    static final long UNKNOWN = 0;
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private RequestFingerprint() {}

    static long of(KvOp op) {
        long h = OFFSET;
        h = mix(h, op instanceof KvOp.Get ? 1 : op instanceof KvOp.Put ? 2 : op instanceof KvOp.Cas ? 3 : 4);
        h = text(h, op.key());
        if (op instanceof KvOp.Put p) h = text(h, p.value());
        if (op instanceof KvOp.Cas c) h = text(text(h, c.expect()), c.value());
        return h == UNKNOWN ? 1 : h;
    }

    /** Each field with its length first, so that ("ab", "c") and ("a", "bc") differ; null differs from "". */
    private static long text(long h, String s) {
        if (s == null) return mix(h, 0xff);
        h = mix(h, s.length());
        for (int i = 0; i < s.length(); i++) h = mix(h, s.charAt(i));
        return h;
    }

    private static long mix(long h, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            h ^= (value >>> shift) & 0xff;
            h *= PRIME;
        }
        return h;
    }
}
