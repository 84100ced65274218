package raftlab.harness.schedule;

import java.util.List;

/**
 * Plays a schedule against the clock of a run, the same in every lab: a pure state machine that the lab's loop asks
 * what to do now, telling it the time and how many acknowledged writes and leader elections it has seen so far.
 * Entries run one after another: an entry starts once the one before it has ended and its {@code :at} has passed.
 * A trigger then needs an event that came after both its {@code :at} and the start of the entry before it, so that
 * an election the previous fault caused (a transfer, a killed leader) fires {@code :on :leader-elected} as soon as
 * that fault ends, while an {@code :at} later than that aims at the first event after it. Nothing starts at or
 * after the time limit (the final heal follows).
 */
public final class SchedulePlayer {
    /** What the lab's loop does next. */
    public sealed interface Action permits Start, Stop, Wait, Done {}

    /** Start entry {@code index} (0-based). */
    public record Start(int index, ScheduleEntry entry) implements Action {}

    /** End entry {@code index}. */
    public record Stop(int index, ScheduleEntry entry) implements Action {}

    /** Ask again at {@code untilNanos}, or as soon as {@code awaiting} may have happened ({@link Trigger#NONE}: no event). */
    public record Wait(long untilNanos, Trigger awaiting) implements Action {}

    public record Done() implements Action {}

    private final List<ScheduleEntry> entries;
    private final long limitNanos;
    private int index;
    private boolean armed;
    private long armedWrites;
    private long armedElections;
    private long startedAt = -1;
    /** When the entry before the current one started, and the counts then; -1 before the first entry. */
    private long previousStartedAt = -1;
    private long previousStartWrites;
    private long previousStartElections;

    public SchedulePlayer(Schedule schedule, long limitNanos) {
        this.entries = schedule.entries();
        this.limitNanos = limitNanos;
    }

    /** The next action at {@code nowNanos}, given the counts of acknowledged writes and of leaders elected since the start. */
    public Action next(long nowNanos, long okWrites, long elections) {
        if (index >= entries.size()) return new Done();
        ScheduleEntry entry = entries.get(index);
        if (startedAt >= 0) {
            long stopAt = startedAt + entry.duration().toNanos();
            if (nowNanos < stopAt) return new Wait(stopAt, Trigger.NONE);
            startedAt = -1;
            armed = false;
            return new Stop(index++, entry);
        }
        if (nowNanos >= limitNanos) return new Done();
        long at = entry.at().toNanos();
        if (nowNanos < at) return new Wait(Math.min(at, limitNanos), Trigger.NONE);
        if (!armed) {
            armed = true;
            // Events since the previous entry started count, unless :at comes later: then those since now.
            boolean fromPreviousStart = previousStartedAt >= 0 && at <= previousStartedAt;
            armedWrites = fromPreviousStart ? previousStartWrites : okWrites;
            armedElections = fromPreviousStart ? previousStartElections : elections;
        }
        boolean fired = switch (entry.trigger()) {
            case NONE -> true;
            case OK_WRITE -> okWrites > armedWrites;
            case LEADER_ELECTED -> elections > armedElections;
        };
        if (!fired) return new Wait(limitNanos, entry.trigger());
        startedAt = nowNanos;
        previousStartedAt = nowNanos;
        previousStartWrites = okWrites;
        previousStartElections = elections;
        return new Start(index, entry);
    }
}
