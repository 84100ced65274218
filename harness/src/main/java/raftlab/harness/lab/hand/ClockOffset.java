package raftlab.harness.lab.hand;

import java.time.Duration;
import raftlab.harness.util.Durations;

/** A clock offset as people write it: a duration with an optional sign, {@code -90s}, {@code +1500ms}, {@code 0}. */
public final class ClockOffset {
    private ClockOffset() {}

    /** The offset; an IllegalArgumentException with one sentence when it is not one. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        boolean negative = t.startsWith("-");
        String magnitude = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        Duration d;
        try {
            d = Durations.parse(magnitude);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a clock offset; write a duration with an optional sign, such as -90s or +500ms");
        }
        // libfaketime and date take offsets of days at most; a larger one is a typo, not an experiment.
        if (d.compareTo(Duration.ofDays(365)) > 0) throw new IllegalArgumentException("a clock offset of " + text + " is over a year; give one of at most 365 days");
        return negative ? d.negated() : d;
    }

    /** The offset as {@link #parse} reads it: whole seconds as {@code -90s}, anything finer in milliseconds. */
    public static String text(Duration offset) {
        long millis = offset.toMillis();
        String sign = millis < 0 ? "-" : "+";
        long abs = Math.abs(millis);
        if (abs == 0) return "0s";
        return sign + (abs % 1000 == 0 ? abs / 1000 + "s" : abs + "ms");
    }
}
