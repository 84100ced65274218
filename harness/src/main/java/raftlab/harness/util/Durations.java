package raftlab.harness.util;

import java.time.Duration;

/** The command conventions of DESIGN.md: durations take a unit (500ms, 10s, 2m, 1h); a bare number is seconds. */
public final class Durations {
    private Durations() {}

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            if (t.endsWith("h")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "'; use a number with a unit, such as 500ms, 10s or 2m");
        }
    }

    /** Seeds are decimal or 0x hexadecimal. */
    public static long parseSeed(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad seed '" + text + "'; give a decimal number or 0x followed by hexadecimal digits");
        }
    }

    public static String seedText(long seed) { return "0x" + Long.toHexString(seed); }

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
