package raftlab.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {
    @Test void invocationsPairWithTheirCompletionsAndKeepTheAnsweringNode(@TempDir Path store) throws Exception {
        Path run = StoreFixture.run(store, "t", "20261206T041237.861", "false", "read returned 0, but write 1 finished first");
        Timeline timeline = Timeline.of(HistoryEvents.read(run));
        List<Timeline.Interval> ops = timeline.intervals();
        assertEquals(4, ops.size(), "write, read, cas and a write that never completed");
        assertEquals(new Timeline.Interval(0, 0, 1_000_000, 2_000_000, "ok", "write", "1", null, "n2", false), ops.get(0));
        assertEquals("0", ops.get(1).value(), "a read shows what it returned");
        assertEquals("n4", ops.get(1).node());
        assertEquals("mismatch", ops.get(2).error());
        assertEquals("[1 2]", ops.get(2).value());
        assertTrue(ops.get(3).open(), "an invocation without a completion is drawn to the end of the run");
        assertEquals(6_500_000, ops.get(3).endNanos());
        assertEquals(List.of(0L, 1L, 2L), timeline.processes());
    }

    @Test void faultBandsComeFromTheNemesisOperations() {
        List<HistoryEvent> events = List.of(
                nemesis(0, 100, "start-partition", "nil"), nemesis(1, 150, "start-partition", "\"halves\""),
                nemesis(2, 300, "stop-partition", "nil"), nemesis(3, 400, "start-kill", "[\"n1\"]"), nemesis(4, 450, "start-pause", "nil"),
                nemesis(5, 600, "heal", "nil"), nemesis(6, 700, "start-clock", "nil"),
                new HistoryEvent(7, 900, "invoke", 0, "read", "nil", null, null));
        Timeline timeline = Timeline.of(events);
        assertEquals(List.of(new Timeline.FaultBand("partition", 100, 300, "\"halves\""), new Timeline.FaultBand("kill", 400, 600, "[\"n1\"]"),
                new Timeline.FaultBand("pause", 450, 600, "nil"), new Timeline.FaultBand("clock", 700, 900, "nil")), timeline.faults());
        assertEquals(6, timeline.nemesis().size(), "an invocation and its completion are one mark");
        assertFalse(timeline.nemesis().stream().anyMatch(m -> m.f().equals("start-partition") && m.value().equals("nil")),
                "the mark keeps what the completion said was done");
    }

    private static HistoryEvent nemesis(long index, long time, String f, String value) {
        return new HistoryEvent(index, time, "info", HistoryEvent.NEMESIS, f, value, null, null);
    }
}
