package raftlab.history;

import java.io.IOException;
import java.nio.file.Path;

/** A history file that cannot be read as a history; says which file and which line. */
public final class HistoryFormatException extends IOException {
    private final transient Path file;
    private final long line;
    private final String problem;

    public HistoryFormatException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    public HistoryFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** What is wrong, without the file and line. */
    public String problem() { return problem; }

    public Path file() { return file; }

    /** The 1-based line where the problem was found. */
    public long line() { return line; }
}
