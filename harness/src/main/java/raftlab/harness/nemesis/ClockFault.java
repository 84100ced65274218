package raftlab.harness.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;

/** Sets the target's wall clocks off, or strobes one node's between that offset and true time. */
final class ClockFault implements Fault {
    private final TreeSet<String> moved = new TreeSet<>();

    @Override public FaultKind kind() { return FaultKind.CLOCK; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        FaultSpec.Clock clock = (FaultSpec.Clock) spec;
        List<String> nodes = clock.target().resolve(lab.ids(), random, lab::leader);
        long millis = clock.offset().toMillis();
        moved.addAll(nodes);
        if (clock.strobe() != null) {
            lab.strobeClock(nodes.get(0), clock.offset(), clock.strobe());
            return "strobe " + nodes.get(0) + " " + millis + "ms every " + clock.strobe().toMillis() + "ms";
        }
        for (String node : nodes) lab.setClockOffset(node, clock.offset());
        return "bump " + String.join(" ", nodes) + " " + millis + "ms";
    }

    @Override public Object stop(LabControl lab) {
        List<String> reset = new ArrayList<>(moved);
        if (!moved.isEmpty()) lab.resetClocks();
        moved.clear();
        return reset;
    }

    @Override public String inForce() { return moved.isEmpty() ? "" : "clock " + moved; }
}
