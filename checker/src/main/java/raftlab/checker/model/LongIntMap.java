package raftlab.checker.model;

import java.util.Arrays;

/** A hash map from long to non-negative int with open addressing, for machines' hot lookups (no boxing). */
final class LongIntMap {
    private long[] keys = new long[64];
    private int[] values = new int[64];
    private int size;

    LongIntMap() { Arrays.fill(values, -1); }

    /** The value, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] < 0) return -1;
            if (keys[slot] == key) return values[slot];
        }
    }

    void put(long key, int value) {
        if (size * 2 >= keys.length) grow();
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (values[slot] >= 0 && keys[slot] != key) slot = (slot + 1) & mask;
        if (values[slot] < 0) size++;
        keys[slot] = key;
        values[slot] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldValues[i] >= 0) put(oldKeys[i], oldValues[i]);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
