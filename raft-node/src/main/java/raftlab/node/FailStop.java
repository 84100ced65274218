package raftlab.node;

import java.util.function.IntConsumer;
import raftlab.conventions.ExitCodes;

/**
 * What a node does when a thread it depends on (the node loop, the client API's event loop, the peer
 * transport's threads) dies of an unexpected exception or error: it stops loudly rather than lingering
 * as a process that accepts connections and never answers, or a leader whose followers keep
 * redirecting clients to it. It logs why, answers {@code /health} with 503, stops the node loop (so it
 * stops acting as leader and the others elect another), and exits with {@link #EXIT_CRASHED}, so that
 * the harness or a supervisor sees it.
 */
public final class FailStop implements Thread.UncaughtExceptionHandler {
    public static final int EXIT_CRASHED = ExitCodes.CRASHED;

    private final NodeLog log;
    private final IntConsumer exit;
    private final long graceMillis;
    private volatile Runnable stopServing = () -> { };
    private volatile String reason;

    /**
     * @param exit        ends the process ({@code System::exit} in the binary; tests record the code instead)
     * @param graceMillis how long {@code /health} answers 503 before the exit, for whoever watches it
     */
    public FailStop(NodeLog log, IntConsumer exit, long graceMillis) {
        this.log = log;
        this.exit = exit;
        this.graceMillis = graceMillis;
    }

    /** What stops the node from serving (it must not block); set once the parts exist. */
    void onStop(Runnable stopServing) { this.stopServing = stopServing; }

    /** Why the node failed, or null while it has not. */
    public String reason() { return reason; }

    @Override public void uncaughtException(Thread thread, Throwable failure) { fail(thread.getName(), failure); }

    public void fail(String part, Throwable failure) {
        synchronized (this) {
            if (reason != null) return;
            reason = part + " failed (" + failure + ")";
        }
        try {
            log.error("error: " + reason + "; the node stops and exits " + EXIT_CRASHED + " so that another node leads; restart it (stack trace follows)", failure);
        } catch (Throwable ignored) {
            // Out of memory, perhaps: stopping matters more than the log line.
        }
        try {
            stopServing.run();
        } catch (Throwable ignored) {
            // the exit below still happens
        }
        Thread exiter = new Thread(() -> {
            try {
                Thread.sleep(graceMillis);
            } catch (InterruptedException ignored) {
                // exit now
            }
            exit.accept(EXIT_CRASHED);
        }, "fail-stop");
        exiter.setDaemon(true);
        exiter.start();
    }
}
