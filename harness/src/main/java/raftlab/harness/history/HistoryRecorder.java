package raftlab.harness.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The history as it happens: every worker and the nemesis append here. One lock gives every
 * operation its index in the order it was recorded, and time from the one monotonic clock of the
 * test, so {@code :index} and {@code :time} rise together.
 */
public final class HistoryRecorder {
    private final long startNanos;
    private final List<Op> ops = new ArrayList<>(1 << 16);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();

    public HistoryRecorder() { this(System.nanoTime()); }

    public HistoryRecorder(long startNanos) { this.startNanos = startNanos; }

    /** Nanoseconds since the test began. */
    public long now() { return System.nanoTime() - startNanos; }

    public synchronized Op record(OpType type, long process, String f, Object value, String error) {
        Op op = new Op(ops.size(), now(), type, process, f, value, error);
        ops.add(op);
        if (process != Op.NEMESIS) {
            switch (type) {
                case OK -> ok.incrementAndGet();
                case FAIL -> fail.incrementAndGet();
                case INFO -> info.incrementAndGet();
                case INVOKE -> { }
            }
        }
        return op;
    }

    public synchronized List<Op> snapshot() { return List.copyOf(ops); }

    public long okCount() { return ok.get(); }

    public long failCount() { return fail.get(); }

    public long infoCount() { return info.get(); }

    public long startNanos() { return startNanos; }
}
