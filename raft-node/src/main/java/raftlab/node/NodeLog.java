package raftlab.node;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** The node's log: one timestamped line per event, to stdout or a file; stack traces only here. */
public final class NodeLog {
    private final PrintStream out;
    private final String nodeId;

    public NodeLog(PrintStream out, String nodeId) {
        this.out = out;
        this.nodeId = nodeId;
    }

    public synchronized void info(String line) {
        out.println(Instant.now() + " " + nodeId + " " + line);
        out.flush();
    }

    public synchronized void error(String line, Throwable cause) {
        info(line);
        if (cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            out.print(trace);
            out.flush();
        }
    }
}
