package raftlab.checker.cli;

import java.time.Duration;
import java.util.Locale;

/** The checker's durations, in the grammar every command shares, and byte sizes such as {@code 512m}. */
public final class Durations {
    private Durations() {}

    /** The duration, by the grammar every command shares ({@link raftlab.conventions.Durations}). */
    public static Duration parse(String text) {
        return raftlab.conventions.Durations.parse(text);
    }

    /** Byte sizes such as {@code 512m}, {@code 2g}, {@code 64k} or a bare number of bytes. */
    public static long parseBytes(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
            if (unit > 1) s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s.strip());
            if (n <= 0) throw new NumberFormatException();
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write a number with a unit such as 512m or 2g");
        }
    }
}
