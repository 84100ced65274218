package raftlab.checker.search;

/**
 * The set of (linearized calls, state) configurations already explored, as an open-addressing
 * hash table of three longs per entry. The linearized set is kept as a 128-bit Zobrist
 * fingerprint (two independent 64-bit XOR sums of per-call random numbers), not as a bitset: a
 * bitset of a 100,000-op history is 12 KB per entry, while the fingerprint is 16 bytes and updates
 * in O(1). Two different sets share a fingerprint with probability about 2^-128 per pair; model
 * checkers such as TLC accept 64-bit fingerprints on the same grounds.
 */
final class ConfigurationCache {
    private static final int SLOT_BYTES = 24;
    private final MemoryBudget budget;
    private long[] table;
    private int mask;
    private int size;
    private long reservedBytes;

    ConfigurationCache(MemoryBudget budget) {
        this.budget = budget;
    }

    /** Adds the configuration; false when it was already there. Throws when the memory bound is reached. */
    boolean add(long f1, long f2, long state) throws MemoryBoundReached {
        if (table == null || size * 2 >= mask + 1) grow();
        long h = f1 ^ (state * 0x9E3779B97F4A7C15L);
        h ^= h >>> 29;
        int slot = (int) h & mask;
        while (true) {
            int at = slot * 3;
            long a = table[at];
            long b = table[at + 1];
            if (a == 0 && b == 0) {
                table[at] = f1;
                table[at + 1] = f2;
                table[at + 2] = state;
                size++;
                return true;
            }
            if (a == f1 && b == f2 && table[at + 2] == state) return false;
            slot = (slot + 1) & mask;
        }
    }

    int size() { return size; }

    long bytes() { return reservedBytes; }

    void release() {
        budget.release(reservedBytes);
        reservedBytes = 0;
        table = null;
    }

    private void grow() throws MemoryBoundReached {
        int capacity = table == null ? 1024 : (mask + 1) * 2;
        long bytes = (long) capacity * SLOT_BYTES;
        if (capacity <= 0 || !budget.reserve(bytes)) throw new MemoryBoundReached(reservedBytes + bytes);
        long[] old = table;
        try {
            table = new long[capacity * 3];
        } catch (OutOfMemoryError e) {
            budget.release(bytes);
            table = old;
            throw new MemoryBoundReached(reservedBytes + bytes);
        }
        mask = capacity - 1;
        size = 0;
        if (old != null) {
            for (int at = 0; at < old.length; at += 3) {
                if (old[at] != 0 || old[at + 1] != 0) reinsert(old[at], old[at + 1], old[at + 2]);
            }
            budget.release(reservedBytes);
        }
        reservedBytes = bytes;
    }

    private void reinsert(long f1, long f2, long state) {
        long h = f1 ^ (state * 0x9E3779B97F4A7C15L);
        h ^= h >>> 29;
        int slot = (int) h & mask;
        while (table[slot * 3] != 0 || table[slot * 3 + 1] != 0) slot = (slot + 1) & mask;
        table[slot * 3] = f1;
        table[slot * 3 + 1] = f2;
        table[slot * 3 + 2] = state;
        size++;
    }

    /** The cache would pass the memory bound. */
    static final class MemoryBoundReached extends Exception {
        final long wantedBytes;

        MemoryBoundReached(long wantedBytes) {
            super(null, null, false, false);
            this.wantedBytes = wantedBytes;
        }
    }
}
