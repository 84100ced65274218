package raftlab.node.transport;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One log line per refused handshake, but at most one per {@code intervalNanos}: a stranger hammering
 * the peer port must be visible in the log without filling the disk. A line after a quiet spell says
 * how many refusals it stands for.
 */
final class RefusalLog {
    private final Consumer<String> log;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private long lastLineNanos;
    private boolean anyLine;
    private long suppressed;

    RefusalLog(Consumer<String> log, LongSupplier nanoClock, long intervalNanos) {
        this.log = log;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
    }

    synchronized void refused(String remote, String why) {
        long now = nanoClock.getAsLong();
        if (anyLine && now - lastLineNanos < intervalNanos) {
            suppressed++;
            return;
        }
        String more = suppressed == 0 ? "" : " (and " + suppressed + " more refused since the last such line)";
        log.accept("transport: refused a handshake from " + remote + ": " + why + more);
        anyLine = true;
        lastLineNanos = now;
        suppressed = 0;
    }
}
