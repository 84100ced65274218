package raftlab.harness.nemesis;

import java.util.Optional;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.partition.PartitionShape;
import raftlab.harness.schedule.FaultSpec;

/**
 * Cuts the network into the entry's shape: one of Jepsen's (random halves, one node alone, the leader alone, a
 * majorities ring, a bridge), drawn as the fault starts, or exactly the groups it names.
 */
final class PartitionFault implements Fault {
    private String inForce = "";

    @Override public FaultKind kind() { return FaultKind.PARTITION; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        PartitionShape shape = ((FaultSpec.Partition) spec).shape();
        Optional<String> leader = shape instanceof PartitionShape.Leader ? lab.leader() : Optional.empty();
        PartitionShape.Resolved resolved = shape.resolve(lab.ids(), random, leader);
        lab.partition(resolved.grudge());
        inForce = "partition " + shape.text();
        return resolved.description();
    }

    @Override public Object stop(LabControl lab) {
        if (inForce.isEmpty()) return "nothing to heal";
        lab.healNetwork();
        inForce = "";
        return "healed";
    }

    @Override public String inForce() { return inForce; }
}
