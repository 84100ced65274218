package raftlab.harness.nemesis;

import java.time.Duration;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;
import raftlab.harness.schedule.Target;

/**
 * The leader's wall clock steps back by one to five minutes, the leader is cut off, and its clock steps back as far
 * again while it is alone (a clock that an NTP daemon keeps pulling back). The first step holds off a wall-timed
 * CheckQuorum; the second makes a wall-timed lease, whose start the last quorum set, look fresh again, so such a
 * leader serves reads while the others elect a new leader and write. One that uses the monotonic clock steps down.
 */
final class ClockPartitionFault implements Fault {
    private String inForce = "";

    @Override public FaultKind kind() { return FaultKind.CLOCK_PARTITION; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        String leader = Target.leaderOrRandom(lab.ids(), random, lab::leader);
        long millis = ((FaultSpec.ClockPartition) spec).offset().toMillis();
        lab.setClockOffset(leader, Duration.ofMillis(millis));
        inForce = "clock-partition " + leader;
        lab.sleep(lab.clockSeenWithin());
        Grudge grudge = Partitions.isolate(lab.ids(), leader);
        lab.partition(grudge);
        lab.setClockOffset(leader, Duration.ofMillis(2 * millis));
        return "bump " + leader + " " + millis + "ms, isolate-leader " + leader + " " + grudge.drops()
                + ", bump " + leader + " " + 2 * millis + "ms";
    }

    @Override public Object stop(LabControl lab) {
        if (inForce.isEmpty()) return "nothing to heal";
        lab.healNetwork();
        lab.resetClocks();
        inForce = "";
        return "healed; clocks reset";
    }

    @Override public String inForce() { return inForce; }
}
