package raftlab.harness.util;

import java.time.Duration;

/** The command conventions of DESIGN.md: durations take a unit (500ms, 10s, 2m, 1h); a bare number is seconds. */
public final class Durations {
    private Durations() {}

    /** Every raftlab command reads durations with the checker's parser, so that they all take the same forms. */
    public static Duration parse(String text) {
        return raftlab.checker.cli.Durations.parse(text);
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
