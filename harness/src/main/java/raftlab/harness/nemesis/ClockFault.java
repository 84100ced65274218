package raftlab.harness.nemesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;

/** Bumps one node's wall clock by up to five minutes either way, or strobes it between that and true time. */
final class ClockFault implements Fault {
    private final TreeSet<String> moved = new TreeSet<>();

    @Override public FaultKind kind() { return FaultKind.CLOCK; }

    @Override public Object start(LabControl lab, RandomGenerator random) {
        String node = lab.ids().get(random.nextInt(lab.ids().size()));
        // Up to five minutes either way, at millisecond grain: enough to expire any lease a wall clock could grant.
        long millis = (random.nextBoolean() ? 1 : -1) * (1 + random.nextLong(300_000));
        Duration offset = Duration.ofMillis(millis);
        moved.add(node);
        if (random.nextBoolean()) {
            long periodMillis = 1000 + random.nextLong(2000);
            lab.strobeClock(node, offset, Duration.ofMillis(periodMillis));
            return "strobe " + node + " " + millis + "ms every " + periodMillis + "ms";
        }
        lab.setClockOffset(node, offset);
        return "bump " + node + " " + millis + "ms";
    }

    @Override public Object stop(LabControl lab) {
        List<String> reset = new ArrayList<>(moved);
        if (!moved.isEmpty()) lab.resetClocks();
        moved.clear();
        return reset;
    }

    @Override public String inForce() { return moved.isEmpty() ? "" : "clock " + moved; }
}
