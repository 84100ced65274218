package raftlab.harness.nemesis;

import java.util.ArrayList;
import java.util.List;
import raftlab.harness.partition.PartitionShape;

/**
 * What {@code --nemesis} asked for: the kinds of fault, and which partition shapes the
 * {@code partition} fault draws from. The grammar, one comma-separated list:
 * <pre>
 *   partition                    every named shape, one drawn at random each time
 *   partition-SHAPE              only this shape: halves, one, leader, ring or bridge (repeat to draw among several)
 *   partition:n1,n2/n3,n4,n5     exactly these groups (commas inside the groups are read as part of them)
 *   kill, pause, clock, packet, member, clock-partition, none
 * </pre>
 *
 * @param partitionShapes empty when no partition fault was asked for
 */
public record NemesisChoice(List<FaultKind> kinds, List<PartitionShape> partitionShapes) {
    public NemesisChoice {
        kinds = List.copyOf(kinds);
        partitionShapes = List.copyOf(partitionShapes);
    }

    /**
     * Reads the values of {@code --nemesis} (each may hold several faults separated by commas).
     *
     * @throws IllegalArgumentException with one sentence naming what is accepted
     */
    public static NemesisChoice parse(List<String> values) {
        List<FaultKind> kinds = new ArrayList<>();
        List<PartitionShape> shapes = new ArrayList<>();
        boolean everyShape = false;
        for (String token : tokens(values)) {
            if (token.isEmpty() || token.equals("none")) continue;
            PartitionShape shape = null;
            if (token.startsWith("partition:")) {
                shape = PartitionShape.parse(token.substring("partition:".length()));
                if (!(shape instanceof PartitionShape.Groups)) {
                    throw new IllegalArgumentException("partition:" + shape.text() + " is written partition-" + shape.text()
                            + "; partition: takes groups of nodes such as partition:n1,n2/n3,n4,n5");
                }
            } else if (token.startsWith("partition-") && !token.equals(FaultKind.CLOCK_PARTITION.flagName())) {
                String name = token.substring("partition-".length());
                shape = PartitionShape.NAMED.stream().filter(s -> s.text().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown partition shape " + name
                                + "; use partition-halves, partition-one, partition-leader, partition-ring, partition-bridge or partition:n1,n2/n3,n4,n5"));
            }
            if (shape != null || token.equals(FaultKind.PARTITION.flagName())) {
                if (!kinds.contains(FaultKind.PARTITION)) kinds.add(FaultKind.PARTITION);
                if (shape == null) everyShape = true;
                else if (!shapes.contains(shape)) shapes.add(shape);
                continue;
            }
            FaultKind kind = FaultKind.parse(token);
            if (!kinds.contains(kind)) kinds.add(kind);
        }
        // A plain "partition" means every named shape; explicit groups asked for alongside it are kept too.
        if (everyShape) {
            List<PartitionShape> all = new ArrayList<>(PartitionShape.NAMED);
            for (PartitionShape s : shapes) if (!all.contains(s)) all.add(s);
            shapes = all;
        }
        return new NemesisChoice(kinds, shapes);
    }

    /** True when the partition fault draws from exactly the named shapes, as it always has. */
    public boolean everyNamedShape() { return partitionShapes.equals(PartitionShape.NAMED); }

    /**
     * Splits on commas, except that a piece made only of node names and slashes continues the
     * grouping of a {@code partition:} before it: {@code partition:n1,n2/n3,kill} is the grouping
     * {@code n1,n2/n3} and {@code kill}. Fault names never look like node names, so this is unambiguous.
     */
    static List<String> tokens(List<String> values) {
        List<String> tokens = new ArrayList<>();
        for (String value : values) {
            for (String piece : value.split(",", -1)) {
                String p = piece.trim().toLowerCase(java.util.Locale.ROOT);
                int last = tokens.size() - 1;
                boolean continuesGroups = last >= 0 && tokens.get(last).startsWith("partition:") && p.matches("n\\d+(/n\\d+)*/?")
                        && !tokens.get(last).endsWith(":");
                if (continuesGroups) tokens.set(last, tokens.get(last) + "," + p);
                else tokens.add(p);
            }
        }
        return tokens;
    }
}
