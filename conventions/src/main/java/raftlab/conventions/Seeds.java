package raftlab.conventions;

import java.util.Locale;

/**
 * The one seed grammar: a decimal number (a Java long) or {@code 0x} and up to sixteen hexadecimal digits (all 64 bits).
 * Seeds are printed in hexadecimal ({@link #format}). {@code seeds.tsv} beside this class holds the cases every module's
 * parser must pass ({@link GrammarTable}).
 */
public final class Seeds {
    private Seeds() {}

    /** The seed, or an IllegalArgumentException whose message is one sentence for people. */
    public static long parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("0x")) return Long.parseUnsignedLong(requireDigits(t.substring(2)), 16);
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a seed; give a decimal number or 0x followed by hexadecimal digits");
        }
    }

    /** Long.parseUnsignedLong takes a leading + sign; a seed does not. */
    private static String requireDigits(String hex) {
        if (hex.isEmpty() || hex.charAt(0) == '+') throw new NumberFormatException(hex);
        return hex;
    }

    /** {@code 0x2a}: how every command prints a seed. */
    public static String format(long seed) { return "0x" + Long.toHexString(seed); }
}
