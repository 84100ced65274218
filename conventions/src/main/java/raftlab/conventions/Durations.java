package raftlab.conventions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The one duration grammar of every raftlab and raft-node option: a number, decimals allowed, and a unit ({@code ns},
 * {@code us}, {@code ms}, {@code s}, {@code m}, {@code h}; also {@code sec}, {@code secs}, {@code min}), upper or lower
 * case, a space allowed before the unit; a bare number is seconds. {@code durations.tsv} beside this class holds the
 * cases every module's parser must pass ({@link GrammarTable}).
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
            return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration that fits; write a number with a unit such as 500ms, 10s or 2m");
        }
    }
}
