package raftlab.checker.model;

import java.util.List;

/**
 * Every prefix of every value a kv-append get returned, as (length, polynomial hash) pairs, so
 * that {@link KvAppendMachine} can tell in O(1) that a state is a prefix of no get's value. Such
 * a state can never be read again, nor can anything appended to it, until a put replaces it.
 *
 * <p>A get's value extends the values of the gets before it, so the distinct prefixes are about
 * as many as the characters of the longest values, not of all of them (under 900 per key of
 * Porcupine's c50 histories). Past {@link #MAX_PREFIXES} (at most 12 MiB of table) the index
 * gives up and says every state may be read, which only costs the search its merging. Two pairs
 * that share a key make a state look readable when it is not: again only a lost merge, never a
 * wrong verdict.
 */
final class GetPrefixes {
    static final int MAX_PREFIXES = 1 << 18;

    private final LongIntMap keys; // null when there were too many prefixes

    /** {@code base} is the hash's multiplier, as the machine computes it character by character. */
    GetPrefixes(List<String> values, long base) {
        LongIntMap seen = new LongIntMap();
        seen.put(key(0, 0), 1);
        int size = 1;
        for (String value : values) {
            long h = 0;
            for (int k = 0; k < value.length() && seen != null; k++) {
                h = h * base + value.charAt(k);
                if (seen.get(key(k + 1, h)) >= 0) continue;
                seen.put(key(k + 1, h), 1);
                if (++size > MAX_PREFIXES) seen = null;
            }
        }
        keys = seen;
    }

    /** False only when no get's value starts with a string of this length and hash. */
    boolean mayBePrefix(int length, long hash) {
        return keys == null || keys.get(key(length, hash)) >= 0;
    }

    private static long key(int length, long hash) {
        return hash * 0x9E3779B97F4A7C15L + length;
    }
}
