package raftlab.node.cli;

import picocli.CommandLine;

/** The node's durations, in milliseconds, in the grammar every command shares: {@code 500ms}, {@code 10s}, {@code 2m}; a bare number is seconds. */
public final class Durations implements CommandLine.ITypeConverter<Long> {
    /** Milliseconds, rounded, by the grammar every command shares ({@link raftlab.conventions.Durations}). */
    public static long parseMillis(String text) {
        return Math.round(raftlab.conventions.Durations.parse(text).toNanos() / 1e6);
    }

    @Override public Long convert(String value) {
        try {
            return parseMillis(value); // the shared grammar has no sign, so nothing negative gets here
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
