package raftlab.harness.util;

import java.time.Duration;

/** The command conventions of docs/design.md: durations take a unit (500ms, 10s, 2m, 1h); a bare number is seconds. */
public final class Durations {
    private Durations() {}

    /** The grammar every command shares ({@link raftlab.conventions.Durations}). */
    public static Duration parse(String text) {
        return raftlab.conventions.Durations.parse(text);
    }

    /** The grammar every command shares ({@link raftlab.conventions.Seeds}). */
    public static long parseSeed(String text) {
        return raftlab.conventions.Seeds.parse(text);
    }

    public static String seedText(long seed) { return raftlab.conventions.Seeds.format(seed); }

    /** {@code 3n} is three per node; a bare number is a count. */
    public static int parseConcurrency(String text, int nodeCount) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            int n = t.endsWith("n") ? Integer.parseInt(t.substring(0, t.length() - 1)) * nodeCount : Integer.parseInt(t);
            if (n < 1 || n > 10_000) throw new IllegalArgumentException("concurrency must be 1..10000, not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad concurrency '" + text + "'; give a number, or a number and n (3n: three per node)");
        }
    }
}
