package raftlab.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.RecordingLabControl;
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
        RecordingLabControl lab = new RecordingLabControl();
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
}
