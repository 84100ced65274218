package raftlab.checker.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations as every raftlab command takes them: a number with a unit ({@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}, also {@code us} and {@code ns}), or a bare number of seconds; decimals allowed.
 */
public final class Durations {
    private Durations() {}

    /** The duration, or an IllegalArgumentException whose message is one sentence for people. */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < s.length() && (Character.isDigit(s.charAt(split)) || s.charAt(split) == '.')) split++;
        String number = s.substring(0, split);
        String unit = s.substring(split).strip();
        long nanosPerUnit = switch (unit) {
            case "", "s", "sec", "secs" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us" -> 1_000L;
            case "ns" -> 1L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1;
        };
        if (number.isEmpty() || nanosPerUnit < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a number with a unit such as 500ms, 10s or 2m (a bare number is seconds)");
        }
        try {
            BigDecimal nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit));
            return Duration.ofNanos(nanos.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration that fits; write a number with a unit such as 500ms, 10s or 2m");
        }
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
