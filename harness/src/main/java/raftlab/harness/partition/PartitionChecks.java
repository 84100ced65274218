package raftlab.harness.partition;

import java.util.ArrayList;
import java.util.List;
import raftlab.harness.nemesis.NemesisChoice;

/** What a lab can do with a partition asked for by name, checked before a test starts rather than found out during it. */
public final class PartitionChecks {
    private PartitionChecks() {}

    /** The node names of a lab of {@code count} nodes: n1..nN, as every lab names them. */
    public static List<String> nodeNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) names.add("n" + i);
        return names;
    }

    /**
     * Refuses groupings that do not fit the lab's nodes (every lab, the simulator too, can cut every shape).
     *
     * @throws IllegalArgumentException one sentence naming the shape and the labs that can
     */
    public static void checkForLab(NemesisChoice choice, String lab, int nodeCount) {
        if (choice.partitionShapes().isEmpty() || choice.everyNamedShape()) return;
        for (PartitionShape shape : choice.partitionShapes()) {
            if (shape instanceof PartitionShape.Groups groups) groups.checkFits(nodeNames(nodeCount));
        }
    }

    /** How a shape is written in {@code --nemesis}. */
    public static String flag(PartitionShape shape) {
        return (shape instanceof PartitionShape.Groups ? "partition:" : "partition-") + shape.text();
    }
}
