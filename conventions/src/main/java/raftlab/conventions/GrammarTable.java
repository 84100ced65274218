package raftlab.conventions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The shared test tables of the duration and seed grammars, shipped with this module so that the tests of every module
 * that parses durations or seeds run the same cases through their own parser. A line is {@code input<TAB>expected}, where
 * expected is a number (nanoseconds for durations) or {@code error}; {@code #} starts a comment line; {@code \s} in an
 * input stands for a space, so that leading and trailing spaces show.
 */
public final class GrammarTable {
    private GrammarTable() {}

    /** One case: the text on the command line, and the value it means (empty when it must be refused). */
    public record Case(String input, OptionalLong expected) {
        @Override public String toString() { return "'" + input + "' -> " + (expected.isPresent() ? expected.getAsLong() : "error"); }
    }

    /** Durations, expected in nanoseconds. */
    public static List<Case> durations() { return read("durations.tsv"); }

    public static List<Case> seeds() { return read("seeds.tsv"); }

    private static List<Case> read(String name) {
        try (InputStream in = GrammarTable.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the grammar table " + name + " is missing from the conventions jar");
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.lastIndexOf('\t');
                String input = line.substring(0, tab).replace("\\s", " ");
                String expected = line.substring(tab + 1).strip();
                cases.add(new Case(input, expected.equals("error") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(expected))));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
