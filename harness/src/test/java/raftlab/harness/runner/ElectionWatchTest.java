package raftlab.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import raftlab.harness.lab.LabControl;
import raftlab.harness.lab.RecordingLabControl;

/** A real lab's elections are counted by term: a higher term with a leader is one, the same term asked again is not. */
class ElectionWatchTest {
    private static Optional<LabControl.Leadership> leads(String id, long term) { return Optional.of(new LabControl.Leadership(id, term)); }

    @Test void aHigherTermWithALeaderCountsOnceAndTheBaselineDoesNot() {
        Deque<Optional<LabControl.Leadership>> answers = new ArrayDeque<>(List.of(leads("n1", 3), leads("n1", 3), Optional.empty(),
                leads("n2", 5), leads("n2", 5), leads("n2", 6)));
        ElectionWatch watch = new ElectionWatch(new RecordingLabControl() {
            @Override public Optional<Leadership> leadership() { return answers.isEmpty() ? Optional.empty() : answers.poll(); }
        });
        watch.rebase();
        watch.poll();
        watch.poll();
        assertEquals(0, watch.count(), "the leader at arming, asked again, and nobody answering: no election");
        watch.poll();
        watch.poll();
        assertEquals(1, watch.count(), "n2 in term 5, seen twice, is one election");
        watch.poll();
        assertEquals(2, watch.count(), "the same node in a new term is another");
    }
}
