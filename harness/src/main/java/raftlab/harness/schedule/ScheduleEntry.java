package raftlab.harness.schedule;

import java.time.Duration;

/**
 * One step of a schedule. It starts once the entry before it has ended, its offset {@code at} from the start of the
 * test has passed, and its trigger (if any) has fired after that; it ends {@code duration} after it started.
 *
 * @param at       not before this offset from the start of the test
 * @param trigger  what it then waits for ({@link Trigger#NONE}: nothing)
 * @param fault    what it does
 * @param duration how long the fault stays in force
 */
public record ScheduleEntry(Duration at, Trigger trigger, FaultSpec fault, Duration duration) {
    public ScheduleEntry {
        if (at.isNegative()) throw new IllegalArgumentException(":at must not be negative");
        if (duration.isNegative()) throw new IllegalArgumentException(":for must not be negative");
    }

    /** The entry as one EDN map on one line, keys in a fixed order, so that the same plan is always the same bytes. */
    public String edn() {
        StringBuilder b = new StringBuilder("{:at ").append(FaultSpec.text(at));
        if (trigger != Trigger.NONE) b.append(" :").append(trigger.key).append(" :").append(trigger.event);
        b.append(' ').append(fault.edn()).append(" :for ").append(FaultSpec.text(duration)).append('}');
        return b.toString();
    }
}
