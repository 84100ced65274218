package raftlab.history;

import java.io.IOException;
import java.nio.file.Path;

/** A history file that cannot be read as a history; says which file and which line. */
public final class HistoryFormatException extends IOException {
    private final transient Path file;
    private final long line;

    public HistoryFormatException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public HistoryFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    /** The 1-based line where the problem was found. */
    public long line() { return line; }
}
