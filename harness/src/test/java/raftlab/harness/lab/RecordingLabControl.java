package raftlab.harness.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A lab of five nodes that does nothing but remember what the faults asked of it and what is in force; n1 leads.
 * Tests that need another answer to "who leads" override {@link #leadership}.
 */
public class RecordingLabControl implements LabControl {
    public final List<String> calls = new ArrayList<>();
    public final TreeSet<String> killed = new TreeSet<>();
    public final TreeSet<String> paused = new TreeSet<>();
    public boolean partitioned;

    @Override public String name() { return "recording"; }
    @Override public List<String> ids() { return List.of("n1", "n2", "n3", "n4", "n5"); }
    @Override public Optional<String> leader() { return Optional.of("n1"); }
    @Override public void partition(Grudge grudge) { calls.add("partition " + grudge.drops()); partitioned = true; }
    @Override public void dropPackets(double fraction) { calls.add("drop " + fraction); }
    @Override public void healNetwork() { calls.add("heal-network"); partitioned = false; }
    @Override public void kill(String id) { calls.add("kill " + id); killed.add(id); }
    @Override public void start(String id) { calls.add("start " + id); killed.remove(id); }
    @Override public boolean isRunning(String id) { return !killed.contains(id); }
    @Override public void pause(String id) { calls.add("pause " + id); paused.add(id); }
    @Override public void resume(String id) { calls.add("resume " + id); paused.remove(id); }
    @Override public void setClockOffset(String id, Duration offset) { calls.add("clock " + id + " " + offset); }
    @Override public void strobeClock(String id, Duration offset, Duration period) { calls.add("strobe " + id); }
    @Override public void resetClocks() { calls.add("reset-clocks"); }
    @Override public Duration clockSeenWithin() { return Duration.ZERO; }
    @Override public void sleep(Duration duration) { calls.add("sleep " + duration); }
    @Override public String transferLeadership(String leader, String target) { calls.add("transfer " + target); return "asked"; }
    @Override public int removeMember(String leader, String victim) { calls.add("remove " + victim); return 200; }
    @Override public int addMember(String leader, String member) { calls.add("add " + member); return 200; }
    @Override public List<String> waitServing() { calls.add("wait-serving"); return List.of(); }
}
