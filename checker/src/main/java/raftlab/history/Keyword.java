package raftlab.history;

/**
 * An EDN keyword inside an operation's value, such as {@code :x} in a multi-register transaction
 * {@code [[:read :x 1]]}. Kept apart from strings so that EDN written back reads the same; JSON
 * has no keywords and writes the name as a string.
 *
 * @param name the keyword without the colon, such as {@code x} or {@code jepsen/op}
 */
public record Keyword(String name) implements Comparable<Keyword> {
    @Override public String toString() { return ":" + name; }

    @Override public int compareTo(Keyword other) { return name.compareTo(other.name); }
}
