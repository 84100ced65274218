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

    boolean isEmpty() { return size == 0; }

    long pick(RandomGenerator random) { return values[random.nextInt(size)]; }
}
