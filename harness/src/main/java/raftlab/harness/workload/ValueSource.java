package raftlab.harness.workload;

/**
 * Unique written values without coordination: worker {@code t} of {@code c} writes
 * {@code t + 1, t + 1 + c, t + 1 + 2c, ...}, so no two writes of a test carry the same value and
 * an anomaly names exactly which write it saw. Values start at 1 so none equals an absent register.
 */
final class ValueSource {
    private final int thread;
    private final int concurrency;
    private long count;

    ValueSource(int thread, int concurrency) {
        this.thread = thread;
        this.concurrency = Math.max(1, concurrency);
    }

    long next() { return thread + 1 + concurrency * count++; }
}
