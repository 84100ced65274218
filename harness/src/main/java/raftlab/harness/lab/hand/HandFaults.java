package raftlab.harness.lab.hand;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabNode;
import raftlab.harness.partition.PartitionShape;

/**
 * Faults put on a running lab by hand, each one done and recorded in the lab's
 * {@link FaultsFile} in one locked step, so that {@code lab status} always says what is in force.
 * The lab is only borrowed: nothing here tears it down.
 */
public final class HandFaults {
    private final Lab lab;
    private final FaultsFile file;
    private final List<String> ids;

    public HandFaults(Lab lab, FaultsFile file) {
        this.lab = lab;
        this.file = file;
        this.ids = lab.nodes().stream().map(LabNode::id).toList();
    }

    public List<String> ids() { return ids; }

    /** Refuses a node the lab does not have, in one sentence. */
    public String node(String id) {
        if (!ids.contains(id)) throw new IllegalArgumentException("there is no node " + id + " in this lab; its nodes are " + String.join(", ", ids));
        return id;
    }

    /** Only a running process can be stopped or continued; anything else is a mistake of the person typing. */
    private void running(String id) {
        node(id);
        if (!lab.isRunning(id)) throw new IllegalArgumentException(id + " is not running; start it with raftlab lab start " + id);
    }

    /** Replaces any partition in force with this one; returns what it became (the history's words). */
    public String partition(PartitionShape shape, RandomGenerator random, Optional<String> leader) {
        PartitionShape.Resolved resolved = shape.resolve(ids, random, leader);
        file.update(f -> {
            lab.partition(resolved.grudge());
            return f.withPartition(shape.text(), resolved.grudge());
        });
        return resolved.description();
    }

    /** Removes every partition and packet-loss rule; with {@code everything}, also resumes, restarts and resets clocks. */
    public FaultsInForce heal(boolean everything) {
        FaultsInForce after = file.update(f -> {
            lab.heal();
            return f.healed();
        });
        if (!everything) return after;
        for (String id : after.paused()) {
            // A paused node that died since is no longer paused; it is started below like any stopped node.
            file.update(f -> {
                if (lab.isRunning(id)) lab.resumeNode(id);
                return f.withResumed(id);
            });
        }
        for (String id : ids) if (!lab.isRunning(id)) start(id);
        file.update(f -> {
            // A lab object lives for one command, so it may not know which clocks an earlier command moved: the record does.
            for (String id : f.clocks().keySet()) lab.setClockOffset(id, Duration.ZERO);
            lab.resetClocks();
            FaultsInForce g = f;
            for (String id : ids) g = g.withClock(id, Duration.ZERO);
            return g;
        });
        return file.read();
    }

    public void kill(String id) {
        node(id);
        file.update(f -> {
            lab.killNode(id);
            return f.withKilled(id);
        });
    }

    public void start(String id) {
        node(id);
        file.update(f -> {
            lab.startNode(id);
            return f.withStarted(id);
        });
    }

    public void pause(String id) {
        running(id);
        file.update(f -> {
            lab.pauseNode(id);
            return f.withPaused(id);
        });
    }

    public void resume(String id) {
        running(id);
        file.update(f -> {
            lab.resumeNode(id);
            return f.withResumed(id);
        });
    }

    public void clock(String id, Duration offset) {
        node(id);
        file.update(f -> {
            lab.setClockOffset(id, offset);
            return f.withClock(id, offset);
        });
    }
}
