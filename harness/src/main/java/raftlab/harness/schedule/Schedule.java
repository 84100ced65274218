package raftlab.harness.schedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;

/**
 * A run's faults as data: the entries in the order they run, for a cluster of {@code nodeCount} nodes named
 * {@code n1..nN}. It holds only the plan (roles, node names, parameters, timing): no lab, seed, address or
 * wall-clock time, so one plan runs the same in the simulator, the local namespaces and on ssh hosts.
 * Stored with every run as {@code schedule.edn} ({@link ScheduleEdn}).
 */
public record Schedule(int nodeCount, List<ScheduleEntry> entries) {
    public Schedule {
        if (nodeCount < 1) throw new IllegalArgumentException(":nodes must be at least 1");
        entries = List.copyOf(entries);
    }

    /** The kinds of fault the plan uses, in order of first use. */
    public List<FaultKind> kinds() {
        LinkedHashSet<FaultKind> kinds = new LinkedHashSet<>();
        for (ScheduleEntry e : entries) kinds.add(e.fault().kind());
        return List.copyOf(kinds);
    }

    /** The node names of a cluster of this size. */
    public List<String> nodeIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) ids.add("n" + i);
        return ids;
    }

    /**
     * Refuses a plan that does not fit a cluster of {@code count} nodes: another node count, or a node name or
     * grouping the cluster lacks.
     *
     * @throws IllegalArgumentException one sentence
     */
    public void checkFits(int count) {
        if (count != nodeCount) {
            throw new IllegalArgumentException("the schedule is for " + nodeCount + " nodes and this test has " + count
                    + "; run it with " + nodeCount + " nodes");
        }
        List<String> ids = nodeIds();
        for (int i = 0; i < entries.size(); i++) {
            FaultSpec f = entries.get(i).fault();
            try {
                if (f instanceof FaultSpec.Partition p && p.shape() instanceof PartitionShape.Groups g) g.checkFits(ids);
                Target t = f instanceof FaultSpec.Nodes nf ? nf.target() : f instanceof FaultSpec.Clock c ? c.target() : null;
                if (t instanceof Target.Nodes named) named.checkIn(ids);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of the schedule: " + e.getMessage());
            }
        }
    }
}
