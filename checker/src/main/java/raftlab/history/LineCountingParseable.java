package raftlab.history;

import us.bpsm.edn.parser.Parseable;

/** EDN input over a string that knows the line it is on, so errors can name it. */
final class LineCountingParseable implements Parseable {
    private final String text;
    private int position;
    private int line = 1;

    LineCountingParseable(String text) { this.text = text; }

    @Override public int read() {
        if (position >= text.length()) {
            position++; // unread after the end must balance
            return END_OF_INPUT;
        }
        char c = text.charAt(position++);
        if (c == '\n') line++;
        return c;
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
                return c;
            }
        }
        return -1;
    }

    void skip() { read(); }
}
