package raftlab.checker;

import java.time.Duration;

/**
 * How long and how much memory a check may use. Past either bound the answer is
 * {@link Validity#UNKNOWN}, saying how far the search got.
 *
 * @param timeLimit   wall-clock time for the whole check
 * @param memoryBytes what the search's caches may hold, over all keys together
 * @param threads     keys checked at once (at least 1)
 * @param explain     whether an invalid key gets its longest linearizable prefix and explanation
 *                    (costs a second, shorter search of that key)
 * @param fastPath    whether registers whose written values are unique are first decided by
 *                    ordering constraints ({@link raftlab.checker.search.UniqueValuesCheck}) before
 *                    the full search; off only to compare the two
 */
public record CheckOptions(Duration timeLimit, long memoryBytes, int threads, boolean explain, boolean fastPath) {
    public CheckOptions {
        if (timeLimit == null || timeLimit.isNegative()) throw new IllegalArgumentException("time limit must be zero or more, was " + timeLimit);
        if (memoryBytes <= 0) throw new IllegalArgumentException("memory bound must be positive, was " + memoryBytes);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }

    /** 60 s, half of the heap this JVM may still grow to, every core, with explanations. */
    public static CheckOptions defaults() {
        return new CheckOptions(Duration.ofSeconds(60), defaultMemoryBytes(), Runtime.getRuntime().availableProcessors(), true, true);
    }

    public CheckOptions withTimeLimit(Duration limit) { return new CheckOptions(limit, memoryBytes, threads, explain, fastPath); }

    public CheckOptions withMemoryBytes(long bytes) { return new CheckOptions(timeLimit, bytes, threads, explain, fastPath); }

    public CheckOptions withThreads(int count) { return new CheckOptions(timeLimit, memoryBytes, count, explain, fastPath); }

    public CheckOptions withExplain(boolean on) { return new CheckOptions(timeLimit, memoryBytes, threads, on, fastPath); }

    public CheckOptions withFastPath(boolean on) { return new CheckOptions(timeLimit, memoryBytes, threads, explain, on); }

    /** Half of what the heap can still hold, so the search stops well before an OutOfMemoryError. */
    public static long defaultMemoryBytes() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(16L << 20, free / 2);
    }
}
