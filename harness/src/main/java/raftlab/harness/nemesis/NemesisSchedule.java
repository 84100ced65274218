package raftlab.harness.nemesis;

import java.time.Duration;
import java.util.List;
import raftlab.harness.generator.Context;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;

/**
 * The nemesis's generator: wait an interval, start one fault chosen at random among those
 * enabled, wait an interval, stop it, and again. One fault at a time keeps a failure explainable;
 * over a minute every enabled kind comes up several times. The choice uses the nemesis's own
 * random stream, so the same seed gives the same schedule.
 */
public final class NemesisSchedule implements Generator {
    private final List<FaultKind> kinds;
    private final long intervalNanos;
    private long nextAt = Long.MIN_VALUE;
    private FaultKind active;

    public NemesisSchedule(List<FaultKind> kinds, long intervalNanos) {
        this.kinds = List.copyOf(kinds);
        this.intervalNanos = intervalNanos;
    }

    /** The schedule of a test: its faults, at the interval {@link #effectiveInterval} gives for its time limit. */
    public static NemesisSchedule forTest(List<FaultKind> kinds, Duration interval, Duration timeLimit) {
        return new NemesisSchedule(kinds, effectiveInterval(interval, timeLimit).toNanos());
    }

    /**
     * The interval, or a quarter of the time limit when the limit is shorter than two intervals: then every fault is
     * started and stopped twice instead of never (a 10 s test with the default 10 s interval injected nothing).
     */
    public static Duration effectiveInterval(Duration interval, Duration timeLimit) {
        if (timeLimit.compareTo(interval.multipliedBy(2)) >= 0) return interval;
        Duration quarter = timeLimit.dividedBy(4);
        return quarter.isZero() ? Duration.ofNanos(1) : quarter;
    }

    @Override public Step next(Context context) {
        if (kinds.isEmpty()) return new Step.Wait(Long.MAX_VALUE);
        if (nextAt == Long.MIN_VALUE) nextAt = context.nowNanos() + intervalNanos;
        if (context.nowNanos() < nextAt) return new Step.Wait(nextAt);
        nextAt = context.nowNanos() + intervalNanos;
        if (active == null) {
            active = kinds.get(context.random().nextInt(kinds.size()));
            return new Step.Emit(OpSpec.named(active.startF()));
        }
        FaultKind stopping = active;
        active = null;
        return new Step.Emit(OpSpec.named(stopping.stopF()));
    }
}
