package raftlab.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import raftlab.harness.lab.LabControl;
import raftlab.harness.lab.RecordingLabControl;

/** A real lab's elections are counted by term: the first leader and each higher term with a leader are one, the same term asked again is not. */
class ElectionWatchTest {
    private static Optional<LabControl.Leadership> leads(String id, long term) { return Optional.of(new LabControl.Leadership(id, term)); }

    @Test void aHigherTermWithALeaderCountsOnceAndTheBaselineDoesNot() {
        Deque<Optional<LabControl.Leadership>> answers = new ArrayDeque<>(List.of(leads("n1", 3), leads("n1", 3), Optional.empty(),
                leads("n2", 5), leads("n2", 5), leads("n2", 6)));
        ElectionWatch watch = new ElectionWatch(new RecordingLabControl() {
            @Override public Optional<Leadership> leadership() { return answers.isEmpty() ? Optional.empty() : answers.poll(); }
        });
        watch.poll();
        assertEquals(1, watch.count(), "the first leader seen is an election");
        watch.poll();
        watch.poll();
        assertEquals(1, watch.count(), "the same leader asked again, and nobody answering: no election");
        watch.poll();
        watch.poll();
        assertEquals(2, watch.count(), "n2 in term 5, seen twice, is one election");
        watch.poll();
        assertEquals(3, watch.count(), "the same node in a new term is another");
    }
}
