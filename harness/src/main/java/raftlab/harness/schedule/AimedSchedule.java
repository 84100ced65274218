package raftlab.harness.schedule;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule written as one cycle of entries that repeats until the time limit: the way a bug's recipe aims its faults
 * ("kill every node right after an acknowledged write, every two seconds"). The cycle's {@code :at} offsets count from the
 * start of each cycle; cycle {@code k} starts at {@code k * period}. The same cycle fits any node count its targets allow.
 *
 * @param cycle  the entries of one cycle, their {@code :at} relative to the cycle's start
 * @param period how far apart cycles start
 */
public record AimedSchedule(List<ScheduleEntry> cycle, Duration period) {
    public AimedSchedule {
        cycle = List.copyOf(cycle);
        if (cycle.isEmpty() || period.isZero() || period.isNegative()) throw new IllegalArgumentException("an aimed schedule needs entries and a positive period");
    }

    /** Reads the cycle from the entries of an EDN schedule text ({@code :nodes} is ignored). */
    public static AimedSchedule parse(String edn, Duration period) {
        return new AimedSchedule(ScheduleEdn.parse(edn).entries(), period);
    }

    /** A cycle that never repeats: exactly these entries, such as a schedule file's. */
    public static AimedSchedule once(List<ScheduleEntry> entries) {
        return new AimedSchedule(entries, ChronoUnit.FOREVER.getDuration());
    }

    /** The cycles that start before {@code timeLimit}, for a cluster of {@code nodeCount} nodes. */
    public Schedule schedule(int nodeCount, Duration timeLimit) {
        List<ScheduleEntry> entries = new ArrayList<>();
        for (Duration start = Duration.ZERO; start.compareTo(timeLimit) < 0; start = start.plus(period)) {
            for (ScheduleEntry e : cycle) entries.add(new ScheduleEntry(start.plus(e.at()), e.trigger(), e.fault(), e.duration()));
        }
        Schedule schedule = new Schedule(nodeCount, entries);
        schedule.checkFits(nodeCount);
        return schedule;
    }
}
