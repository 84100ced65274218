package raftlab.harness.nemesis;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.partition.PartitionShape;

/**
 * Cuts the network into a shape drawn from those the test names (by default Jepsen's: random halves, one node
 * alone, the leader alone, a majorities ring, a bridge), or into exactly the groups it names.
 */
final class PartitionFault implements Fault {
    private final List<PartitionShape> shapes;
    private String inForce = "";

    PartitionFault(List<PartitionShape> shapes) {
        if (shapes.isEmpty()) throw new IllegalArgumentException("a partition fault needs at least one shape");
        this.shapes = List.copyOf(shapes);
    }

    @Override public FaultKind kind() { return FaultKind.PARTITION; }

    @Override public Object start(LabControl lab, RandomGenerator random) {
        // With every named shape this draws exactly as before shapes could be chosen, so old seeds cut the same links.
        PartitionShape shape = shapes.size() == 1 ? shapes.get(0) : shapes.get(random.nextInt(shapes.size()));
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
