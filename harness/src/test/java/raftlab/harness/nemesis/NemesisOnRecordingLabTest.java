package raftlab.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.LabControl;
import raftlab.harness.partition.PartitionShape;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.ScheduleDraw;
import raftlab.harness.schedule.SchedulePlayer;
import raftlab.history.Op;

/**
 * The shared nemesis against a lab that only records what it is asked: the schedule's faults reach the lab in order,
 * each stop undoes exactly its start, and the final heal leaves every node running on a healed network.
 */
class NemesisOnRecordingLabTest {
    static final long SEED = 42;

    @Test void faultsAreAppliedInOrderAndHealedAtTheEnd() {
        AtomicLong clock = new AtomicLong();
        HistoryRecorder recorder = HistoryRecorder.onClock(clock::get);
        RecordingLab lab = new RecordingLab();
        Nemesis nemesis = new Nemesis(lab, new SplittableRandom(SEED), recorder);
        long limit = Duration.ofSeconds(10).toNanos();
        Schedule schedule = ScheduleDraw.draw(List.of(FaultKind.KILL, FaultKind.PARTITION, FaultKind.PAUSE), PartitionShape.NAMED,
                Duration.ofSeconds(1), Duration.ofSeconds(10), 5, new SplittableRandom(SEED + 1));
        SchedulePlayer player = new SchedulePlayer(schedule, limit);
        List<String> applied = new ArrayList<>();
        while (clock.get() < limit) {
            SchedulePlayer.Action action = player.next(clock.get(), 0, 0);
            if (action instanceof SchedulePlayer.Done) break;
            if (action instanceof SchedulePlayer.Wait wait) clock.set(wait.untilNanos());
            if (action instanceof SchedulePlayer.Start start) {
                applied.add(start.entry().fault().kind().startF());
                nemesis.start(start.entry());
            }
            if (action instanceof SchedulePlayer.Stop stop) {
                applied.add(stop.entry().fault().kind().stopF());
                nemesis.stop(stop.entry());
            }
        }
        nemesis.healAll();

        assertEquals(9, applied.size(), "a start or a stop every second of ten (seed " + SEED + "): " + applied);
        for (int i = 0; i < applied.size(); i++) {
            String f = applied.get(i);
            assertTrue(i % 2 == 0 ? f.startsWith("start-") : f.equals("stop-" + applied.get(i - 1).substring(6)),
                    "starts and stops alternate, each stop ending the fault before it: " + applied);
        }
        // What the lab was asked, in order, matches what the schedule said: each start's action before its stop's.
        List<String> calls = lab.calls;
        int at = 0;
        for (String f : applied) {
            String expected = switch (f) {
                case "start-kill" -> "kill";
                case "stop-kill" -> "start";
                case "start-partition" -> "partition";
                case "stop-partition" -> "heal-network";
                case "start-pause" -> "pause";
                case "stop-pause" -> "resume";
                default -> throw new AssertionError(f);
            };
            while (at < calls.size() && !calls.get(at).startsWith(expected)) at++;
            assertTrue(at < calls.size(), f + " reached the lab in order; calls " + calls + ", schedule " + applied);
            at++;
        }
        assertTrue(lab.killed.isEmpty() && lab.paused.isEmpty() && !lab.partitioned, "healed at the end: " + lab.calls);
        assertTrue(lab.calls.get(lab.calls.size() - 1).equals("wait-serving"), "the heal ends waiting for the nodes: " + lab.calls);
        List<Op> history = recorder.snapshot();
        Op last = history.get(history.size() - 1);
        assertEquals("heal", last.f());
        assertEquals(2 * (applied.size() + 1), history.size(), "an invocation and a completion per nemesis operation");
        Long kills = FaultCounts.of(history).get("kill");
        assertEquals(applied.stream().filter("start-kill"::equals).count(), kills == null ? 0 : kills, "the kills are counted");
    }

    /** A lab of five nodes that does nothing but remember what it was asked and what is in force. */
    static final class RecordingLab implements LabControl {
        final List<String> calls = new ArrayList<>();
        final TreeSet<String> killed = new TreeSet<>();
        final TreeSet<String> paused = new TreeSet<>();
        boolean partitioned;

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
}
