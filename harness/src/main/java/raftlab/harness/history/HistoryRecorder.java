package raftlab.harness.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The history as it happens, in every lab: every client and the nemesis append here. One lock gives
 * every operation its index in the order it was recorded, and its time from the one clock of the test
 * (the monotonic clock in a real lab, virtual time in the simulator), so {@code :index} and {@code :time}
 * rise together.
 */
public final class HistoryRecorder {
    private final LongSupplier clock;
    private final long startNanos;
    private final List<Op> ops = new ArrayList<>(1 << 16);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong fail = new AtomicLong();
    private final AtomicLong info = new AtomicLong();
    private final AtomicLong okWrites = new AtomicLong();
    /** Told of each acknowledged write at once: the simulator's schedule fires {@code :after :ok-write} entries on it. */
    private volatile Runnable onOkWrite;

    /** A recorder whose time starts now, on the monotonic clock. */
    public HistoryRecorder() { this(System.nanoTime()); }

    public HistoryRecorder(long startNanos) {
        this.startNanos = startNanos;
        this.clock = () -> System.nanoTime() - startNanos;
    }

    private HistoryRecorder(LongSupplier nanosSinceStart) {
        this.startNanos = 0;
        this.clock = nanosSinceStart;
    }

    /** A recorder on another clock, such as the simulator's virtual time; it gives nanoseconds since the test began. */
    public static HistoryRecorder onClock(LongSupplier nanosSinceStart) { return new HistoryRecorder(nanosSinceStart); }

    /** Nanoseconds since the test began. */
    public long now() { return clock.getAsLong(); }

    /** An invocation, or a nemesis operation: it says nothing of which node answered. */
    public Op record(OpType type, long process, String f, Object value, String error) {
        return record(type, process, f, value, error, null);
    }

    /** A client's completion carries the node that answered ({@link Op#NO_NODE} when none did). */
    public synchronized Op record(OpType type, long process, String f, Object value, String error, String node) {
        Op op = new Op(ops.size(), now(), type, process, f, value, error, node);
        ops.add(op);
        if (process != Op.NEMESIS) {
            switch (type) {
                case OK -> {
                    ok.incrementAndGet();
                    if ("write".equals(f) || "cas".equals(f)) {
                        okWrites.incrementAndGet();
                        Runnable listener = onOkWrite;
                        if (listener != null) listener.run();
                    }
                }
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

    /** Writes and compare-and-sets acknowledged so far. */
    public long okWriteCount() { return okWrites.get(); }

    /** Runs {@code listener} (under the recorder's lock) each time a write or compare-and-set is acknowledged. */
    public void onOkWrite(Runnable listener) { this.onOkWrite = listener; }

    public long startNanos() { return startNanos; }
}
