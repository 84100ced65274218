package raftlab.harness.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** raftlab.log: every log record (and every stack trace) of one run goes to the run's directory, nothing to the console. */
public final class RunLog implements AutoCloseable {
    private final FileHandler handler;

    private RunLog(FileHandler handler) { this.handler = handler; }

    public static RunLog open(Path file) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        Logger root = LogManager.getLogManager().getLogger("");
        for (var h : root.getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) root.removeHandler(h);
        }
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        Logger.getLogger("raftlab").setLevel(Level.FINE);
        return new RunLog(handler);
    }

    /** Keeps the console clean when no run directory exists yet (errors then go to stderr as one sentence). */
    public static void quietConsole() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (var h : root.getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) h.setLevel(Level.OFF);
        }
    }

    @Override public void close() {
        Logger.getLogger("").removeHandler(handler);
        handler.close();
    }
}
