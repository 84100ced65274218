package raftlab.harness.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;
import raftlab.harness.runner.Seeds;
import raftlab.harness.runner.TestOptions;

/**
 * The schedule a seed gives before the run starts: after each interval one of the enabled faults, chosen at random,
 * starts and stays for one interval; then the next. One fault at a time keeps a failure explainable; over a minute
 * every kind comes up several times. Parameters (the role a kill targets, a clock's offset, a partition's shape) are
 * drawn here too, so that the plan is complete; who the leader is, and which nodes a role becomes, are left to the
 * moment each fault starts.
 */
public final class ScheduleDraw {
    private ScheduleDraw() {}

    /** The schedule a test's seed gives, for its faults, node count, time limit and interval. */
    public static Schedule forTest(TestOptions o) {
        return draw(o.nemeses(), o.partitionShapes(), effectiveInterval(o.nemesisInterval(), o.timeLimit()), o.timeLimit(),
                o.nodeCount(), Seeds.stream(o.seed(), 1, -1));
    }

    /**
     * @param random   the schedule's own stream of the seed
     * @param interval the time between fault changes ({@link #effectiveInterval} of the test's)
     */
    public static Schedule draw(List<FaultKind> kinds, List<PartitionShape> shapes, Duration interval, Duration timeLimit,
                                int nodeCount, RandomGenerator random) {
        List<ScheduleEntry> entries = new ArrayList<>();
        if (kinds.isEmpty()) return new Schedule(nodeCount, entries);
        for (Duration at = interval; at.compareTo(timeLimit) < 0; at = at.plus(interval.multipliedBy(2))) {
            FaultKind kind = kinds.get(random.nextInt(kinds.size()));
            entries.add(new ScheduleEntry(at, Trigger.NONE, fault(kind, shapes, random), interval));
        }
        return new Schedule(nodeCount, entries);
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

    private static FaultSpec fault(FaultKind kind, List<PartitionShape> shapes, RandomGenerator random) {
        return switch (kind) {
            case PARTITION -> new FaultSpec.Partition(shapes.size() == 1 ? shapes.get(0) : shapes.get(random.nextInt(shapes.size())));
            case KILL, PAUSE -> new FaultSpec.Nodes(kind, new Target.Role(Target.ROLES.get(random.nextInt(Target.ROLES.size()))));
            case CLOCK -> {
                // Up to five minutes either way, at millisecond grain: enough to expire any lease a wall clock could grant.
                Duration offset = Duration.ofMillis((random.nextBoolean() ? 1 : -1) * (1 + random.nextLong(300_000)));
                Duration strobe = random.nextBoolean() ? Duration.ofMillis(1000 + random.nextLong(2000)) : null;
                yield new FaultSpec.Clock(Target.ONE, offset, strobe);
            }
            case CLOCK_PARTITION -> new FaultSpec.ClockPartition(Duration.ofMillis(-(60_000 + random.nextLong(240_000))));
            // Tenths exactly, so that the fraction written to schedule.edn reads back as the same double.
            case PACKET -> new FaultSpec.Packet((1 + random.nextInt(4)) / 10.0);
            case TRANSFER -> new FaultSpec.Transfer();
            case MEMBER -> new FaultSpec.Member();
        };
    }
}
