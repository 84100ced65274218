package raftlab.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as every raftlab command writes them: {@code 250us}, {@code 500ms}, {@code 10s}, {@code 2m}; a bare number is seconds. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)?");

    private Durations() {}

    /** Microseconds, or an IllegalArgumentException whose message is one sentence fit for a person. */
    public static long parseMicros(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 10s or 2m");
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double micros = switch (unit) {
            case "us" -> number;
            case "ms" -> number * 1e3;
            case "s" -> number * 1e6;
            case "m" -> number * 60e6;
            case "h" -> number * 3600e6;
            default -> throw new IllegalStateException(unit);
        };
        if (micros > 1e15) throw new IllegalArgumentException("'" + text + "' is too long a duration");
        return Math.round(micros);
    }

    public static String format(long micros) {
        if (micros % 60_000_000 == 0 && micros >= 60_000_000) return micros / 60_000_000 + "m";
        if (micros % 1_000_000 == 0) return micros / 1_000_000 + "s";
        if (micros % 1_000 == 0) return micros / 1_000 + "ms";
        return micros + "us";
    }
}
