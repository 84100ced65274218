package raftlab.harness.lab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.LabControl;
import raftlab.sim.engine.World;

/**
 * The simulator's fault executor: the shared fault packages act on the simulated cluster in virtual time.
 * A kill is a crash that loses what the disk had not synced; a partition cuts messages between nodes
 * (clients still reach every node, as the harness in a lab's control namespace does); a clock offset moves
 * the node's wall clock on top of its drift. Membership changes are not simulated: the test refuses
 * that fault before a test starts ({@link raftlab.harness.lab.Capabilities}).
 */
public final class SimLabControl implements LabControl {
    private final World world;
    private final List<String> ids = new ArrayList<>();
    private long strobeGeneration;

    public SimLabControl(World world, int nodeCount) {
        this.world = world;
        for (int i = 0; i < nodeCount; i++) ids.add(world.nodeName(i));
    }

    @Override public String name() { return "sim"; }

    @Override public List<String> ids() { return ids; }

    @Override public Optional<String> leader() {
        int leader = world.currentLeader();
        return leader < 0 ? Optional.empty() : Optional.of(ids.get(leader));
    }

    @Override public void partition(Grudge grudge) {
        int n = ids.size();
        boolean[][] reachable = new boolean[n][n];
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                // The receiver drops what comes from the nodes of its grudge, as iptables on the receiving host does.
                reachable[from][to] = from == to || !grudge.dropsFrom(ids.get(to)).contains(ids.get(from));
            }
        }
        world.cut(reachable);
    }

    @Override public void dropPackets(double fraction) { world.dropMessages(fraction); }

    @Override public void healNetwork() {
        world.healNetwork();
        world.dropMessages(0);
    }

    @Override public void kill(String id) { world.crashNode(index(id)); }

    @Override public void start(String id) { world.restartNode(index(id)); }

    @Override public boolean isRunning(String id) { return world.isAlive(index(id)); }

    @Override public void pause(String id) { world.pauseNode(index(id)); }

    @Override public void resume(String id) { world.resumeNode(index(id)); }

    @Override public void setClockOffset(String id, Duration offset) { world.setClockOffset(index(id), offset.toNanos() / 1000); }

    @Override public void strobeClock(String id, Duration offset, Duration period) {
        long generation = ++strobeGeneration;
        flip(index(id), offset.toNanos() / 1000, Math.max(1, period.toNanos() / 1000), true, generation);
    }

    /** One flip of a strobe, then the next a period later, until the strobe is stopped or replaced. */
    private void flip(int node, long offsetMicros, long periodMicros, boolean shifted, long generation) {
        if (generation != strobeGeneration) return;
        world.setClockOffset(node, shifted ? offsetMicros : 0);
        world.after(periodMicros, () -> flip(node, offsetMicros, periodMicros, !shifted, generation));
    }

    @Override public void resetClocks() {
        strobeGeneration++;
        for (int i = 0; i < ids.size(); i++) world.setClockOffset(i, 0);
    }

    /** A simulated node sees a new clock at once. */
    @Override public Duration clockSeenWithin() { return Duration.ZERO; }

    @Override public void sleep(Duration duration) {
        // The event loop cannot block; every fault package asks for clockSeenWithin() only, which is zero here.
        if (!duration.isZero()) throw new IllegalStateException("the simulator cannot wait inside a fault; schedule instead");
    }

    @Override public String transferLeadership(String leader, String target) {
        return world.transferLeadership(index(leader), index(target));
    }

    @Override public int removeMember(String leader, String victim) {
        throw new UnsupportedOperationException("the simulator does not change membership");
    }

    @Override public int addMember(String leader, String member) {
        throw new UnsupportedOperationException("the simulator does not change membership");
    }

    /** Nodes serve as soon as they are started in the simulator. */
    @Override public List<String> waitServing() { return List.of(); }

    private int index(String id) {
        int i = ids.indexOf(id);
        if (i < 0) throw new IllegalArgumentException("no node " + id + " in the simulator");
        return i;
    }
}
