package raftlab.harness.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import raftlab.harness.partition.GrudgeText;

/**
 * A lab that only writes down what it was asked to do, one line a call ({@code kill n3}, {@code partition n1,n2/n3,n4,n5},
 * {@code clock n1 -90000} in milliseconds, {@code reset-clocks}), and keeps which nodes run, so that what drives a lab
 * (the by-hand faults, the nemesis) can be checked without namespaces or hosts.
 */
public final class RecordingLab implements Lab {
    public final List<String> calls = new ArrayList<>();
    public final TreeSet<String> running = new TreeSet<>();
    /** A node on which every action fails, as a host that went away would. */
    public String broken = "";
    private final List<LabNode> nodes;

    /** Five nodes, n1..n5 at 10.0.0.1..5, all running. */
    public RecordingLab() { this(fiveNodes()); }

    /** These nodes, all running. */
    public RecordingLab(List<LabNode> nodes) {
        this.nodes = List.copyOf(nodes);
        for (LabNode node : nodes) running.add(node.id());
    }

    private static List<LabNode> fiveNodes() {
        List<LabNode> nodes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) nodes.add(new LabNode("n" + i, "10.0.0." + i, 7000, 8000));
        return nodes;
    }

    @Override public String name() { return "recording"; }

    @Override public List<LabNode> nodes() { return nodes; }

    private void call(String what, String id) { call(what, id, ""); }

    private void call(String what, String id, String detail) {
        if (id.equals(broken)) throw new LabException("could not " + what + " " + id);
        calls.add(what + " " + id + detail);
    }

    @Override public void up(List<String> bugs) { calls.add("up " + bugs); }
    @Override public void startNode(String id) { call("start", id); running.add(id); }
    @Override public void stopNode(String id) { call("stop", id); running.remove(id); }
    @Override public void killNode(String id) { call("kill", id); running.remove(id); }
    @Override public void pauseNode(String id) { call("pause", id); }
    @Override public void resumeNode(String id) { call("resume", id); }
    @Override public boolean isRunning(String id) { return running.contains(id); }
    @Override public OptionalLong pid(String id) { return running.contains(id) ? OptionalLong.of(100 + id.charAt(1)) : OptionalLong.empty(); }
    @Override public void partition(Grudge grudge) { calls.add("partition " + GrudgeText.format(grudge)); }
    @Override public void dropPackets(double fraction) { calls.add("drop " + fraction); }
    @Override public void heal() { calls.add("heal"); }
    @Override public void setClockOffset(String id, Duration offset) { call("clock", id, " " + offset.toMillis()); }
    @Override public void resetClocks() { calls.add("reset-clocks"); }
    @Override public void fetchLogs(Path dir) { }
    @Override public void teardown() { calls.add("teardown"); }
}
