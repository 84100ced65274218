package raftlab.harness.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;

/**
 * A fault done to the nodes a schedule entry targets (one, the leader, a minority, a majority, all, or by name), and undone node by node: kill -9 and
 * start again with the data ({@code kill}), SIGSTOP and SIGCONT ({@code pause}).
 */
final class NodesFault implements Fault {
    private final FaultKind kind;
    private final String state;
    private final BiConsumer<LabControl, String> act;
    private final BiConsumer<LabControl, String> undo;
    private final TreeSet<String> hit = new TreeSet<>();

    private NodesFault(FaultKind kind, String state, BiConsumer<LabControl, String> act, BiConsumer<LabControl, String> undo) {
        this.kind = kind;
        this.state = state;
        this.act = act;
        this.undo = undo;
    }

    static NodesFault kill() { return new NodesFault(FaultKind.KILL, "killed", LabControl::kill, LabControl::start); }

    static NodesFault pause() { return new NodesFault(FaultKind.PAUSE, "paused", LabControl::pause, LabControl::resume); }

    @Override public FaultKind kind() { return kind; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        List<String> targets = ((FaultSpec.Nodes) spec).target().resolve(lab.ids(), random, lab::leader);
        for (String id : targets) {
            act.accept(lab, id);
            hit.add(id);
        }
        return targets;
    }

    @Override public Object stop(LabControl lab) {
        List<String> undone = new ArrayList<>(hit);
        for (String id : undone) undo.accept(lab, id);
        hit.clear();
        return undone;
    }

    @Override public String inForce() { return hit.isEmpty() ? "" : state + " " + hit; }
}
