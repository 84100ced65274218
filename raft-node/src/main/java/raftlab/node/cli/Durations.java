package raftlab.node.cli;

import picocli.CommandLine;

/** Durations as every raftlab command takes them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
public final class Durations implements CommandLine.ITypeConverter<Long> {
    /** Returns milliseconds. */
    public static long parseMillis(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("ms")) return Math.round(Double.parseDouble(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000);
            if (t.endsWith("m")) return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000);
            if (t.endsWith("h")) return Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000);
            return Math.round(Double.parseDouble(t) * 1000);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 10s or 2m");
        }
    }

    @Override public Long convert(String value) {
        try {
            long millis = parseMillis(value);
            if (millis < 0) throw new IllegalArgumentException("'" + value + "' is negative");
            return millis;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
