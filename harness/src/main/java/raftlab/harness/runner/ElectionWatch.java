package raftlab.harness.runner;

import java.util.Optional;
import raftlab.harness.lab.LabControl;

/**
 * Counts leader elections in a real lab by asking the nodes who leads: the first leader seen, and then each leader of
 * a higher term than the last one seen, is an election (a lab that cannot tell terms counts a different leader).
 * Polled only when the schedule has an {@code :on :leader-elected} entry; the simulator counts elections as they happen.
 */
final class ElectionWatch {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ElectionWatch.class.getName());
    private final LabControl lab;
    private LabControl.Leadership last;
    private long elections;

    ElectionWatch(LabControl lab) { this.lab = lab; }

    /** Elections counted so far. */
    long count() { return elections; }

    /** Asks once; counts an election if a new leader (or term) is seen. */
    void poll() {
        Optional<LabControl.Leadership> now = lab.leadership();
        if (now.isEmpty()) return;
        LabControl.Leadership l = now.get();
        boolean elected = last == null || (l.term() >= 0 && last.term() >= 0 ? l.term() > last.term() : !l.id().equals(last.id()));
        if (elected) {
            elections++;
            LOG.info("election seen: " + l.id() + " leads term " + l.term() + " (" + elections + " so far)");
        }
        last = l;
    }
}
