package raftlab.harness.nemesis;

import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;

/** Drops a fraction of the packets between nodes, at random. */
final class PacketFault implements Fault {
    private String inForce = "";

    @Override public FaultKind kind() { return FaultKind.PACKET; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        double fraction = ((FaultSpec.Packet) spec).drop();
        lab.dropPackets(fraction);
        inForce = "drop " + Math.round(fraction * 100) + "%";
        return inForce;
    }

    @Override public Object stop(LabControl lab) {
        if (inForce.isEmpty()) return "nothing to heal";
        lab.dropPackets(0);
        inForce = "";
        return "healed";
    }

    @Override public String inForce() { return inForce; }
}
