package raftlab.history;

import us.bpsm.edn.parser.Parseable;

/**
 * EDN input over a string that knows the line it is on, so errors can name it, and how deeply the brackets read so far
 * nest: the EDN reader recurses once per level, so a hostile file of a hundred thousand {@code [} would overflow its
 * stack; past {@link #MAX_DEPTH} levels reading stops with {@link TooDeep} instead.
 */
final class LineCountingParseable implements Parseable {
    /** Far deeper than any history (an op map holding a tuple holding a value is three levels, four inside a vector). */
    static final int MAX_DEPTH = 1000;

    private final String text;
    private int position;
    private int line = 1;
    /** Every character before this index has been counted in the nesting, once (the reader unreads and reads again). */
    private int scanned;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean inComment;
    private boolean afterBackslash;

    /** Thrown by {@link #read} at the bracket that opens level {@link #MAX_DEPTH} + 1. */
    static final class TooDeep extends RuntimeException {
        private final long line;

        TooDeep(long line) {
            super("nesting deeper than " + MAX_DEPTH + " levels at line " + line, null, false, false);
            this.line = line;
        }

        long line() { return line; }
    }

    LineCountingParseable(String text) { this.text = text; }

    @Override public int read() {
        if (position >= text.length()) {
            position++; // unread after the end must balance
            return END_OF_INPUT;
        }
        char c = text.charAt(position++);
        if (c == '\n') line++;
        if (position > scanned) {
            scanned = position;
            count(c);
        }
        return c;
    }

    /** Follows strings, comments and character literals such as {@code \(}, whose brackets do not nest. */
    private void count(char c) {
        if (inComment) {
            inComment = c != '\n';
        } else if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (afterBackslash) {
            afterBackslash = false;
        } else {
            switch (c) {
                case '"' -> inString = true;
                case ';' -> inComment = true;
                case '\\' -> afterBackslash = true;
                case '(', '[', '{' -> {
                    if (++depth > MAX_DEPTH) throw new TooDeep(line);
                }
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> { }
            }
        }
    }

    @Override public void unread(int ch) {
        position--;
        if (position < text.length() && text.charAt(position) == '\n') line--;
    }

    @Override public void close() {}

    int line() { return line; }

    boolean atEnd() { return position >= text.length(); }

    /** Skips whitespace, commas and {@code ;} comments; returns the next character without taking it, or -1. */
    int peekPastSpace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ';') {
                while (position < text.length() && text.charAt(position) != '\n') position++;
            } else if (Character.isWhitespace(c) || c == ',') {
                if (c == '\n') line++;
                position++;
            } else {
                scanned = Math.max(scanned, position); // spaces and comments between ops hold no brackets to count
                return c;
            }
        }
        return -1;
    }

    void skip() { read(); }
}
