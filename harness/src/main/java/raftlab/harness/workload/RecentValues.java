package raftlab.harness.workload;

import java.util.random.RandomGenerator;

/**
 * The few values a worker last wrote or read, so that a compare-and-set expects something the
 * register plausibly holds and many of them succeed (a cas of random values would nearly always
 * fail, which tests little).
 */
final class RecentValues {
    private final long[] values = new long[4];
    private int size;
    private int next;

    void remember(long value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    /** Remembers what an ok operation says the register held: the value read, written, or set by a cas. */
    void learn(String f, Object value) {
        switch (f) {
            case "read", "write" -> { if (value instanceof Long v) remember(v); }
            case "cas" -> { if (value instanceof java.util.List<?> fromTo && fromTo.get(1) instanceof Long v) remember(v); }
            default -> { }
        }
    }

    boolean isEmpty() { return size == 0; }

    long pick(RandomGenerator random) { return values[random.nextInt(size)]; }
}
