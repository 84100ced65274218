package raftlab.sim;

/** Durations in the simulator's microseconds, read with the grammar of every raftlab command: {@code 250us}, {@code 500ms}, {@code 10s}, {@code 2m}; a bare number is seconds. */
public final class Durations {
    private Durations() {}

    /** Microseconds, or an IllegalArgumentException whose message is one sentence fit for a person. */
    public static long parseMicros(String text) {
        long nanos = raftlab.conventions.Durations.parse(text).toNanos();
        return Math.round(nanos / 1_000.0);
    }

    public static String format(long micros) {
        if (micros % 60_000_000 == 0 && micros >= 60_000_000) return micros / 60_000_000 + "m";
        if (micros % 1_000_000 == 0) return micros / 1_000_000 + "s";
        if (micros % 1_000 == 0) return micros / 1_000 + "ms";
        return micros + "us";
    }
}
