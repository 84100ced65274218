package raftlab.harness.lab.hand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;

/** A lab that only writes down what it was asked to do, and keeps which nodes run, so that commands can be checked without namespaces. */
final class RecordingLab implements Lab {
    final List<String> calls = new ArrayList<>();
    final TreeSet<String> running = new TreeSet<>(List.of("n1", "n2", "n3", "n4", "n5"));
    /** A node on which every action fails, as a host that went away would. */
    String broken = "";

    @Override public String name() { return "recording"; }

    @Override public List<LabNode> nodes() {
        List<LabNode> nodes = new ArrayList<>();
        for (int i = 1; i <= 5; i++) nodes.add(new LabNode("n" + i, "10.0.0." + i, 7000, 8000));
        return nodes;
    }

    private void call(String what, String id) {
        if (id.equals(broken)) throw new LabException("could not " + what + " " + id);
        calls.add(what + " " + id);
    }

    @Override public void up(List<String> bugs) { calls.add("up " + bugs); }
    @Override public void startNode(String id) { call("start", id); running.add(id); }
    @Override public void stopNode(String id) { call("stop", id); running.remove(id); }
    @Override public void killNode(String id) { call("kill", id); running.remove(id); }
    @Override public void pauseNode(String id) { call("pause", id); }
    @Override public void resumeNode(String id) { call("resume", id); }
    @Override public boolean isRunning(String id) { return running.contains(id); }
    @Override public OptionalLong pid(String id) { return running.contains(id) ? OptionalLong.of(100 + id.charAt(1)) : OptionalLong.empty(); }
    @Override public void partition(Grudge grudge) { calls.add("partition " + raftlab.harness.partition.GrudgeText.format(grudge)); }
    @Override public void dropPackets(double fraction) { calls.add("drop " + fraction); }
    @Override public void heal() { calls.add("heal"); }
    @Override public void setClockOffset(String id, Duration offset) { call("clock", id); }
    @Override public void resetClocks() { calls.add("reset-clocks"); }
    @Override public void fetchLogs(Path dir) { }
    @Override public void teardown() { calls.add("teardown"); }
}
