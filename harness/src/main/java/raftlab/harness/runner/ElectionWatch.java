package raftlab.harness.runner;

import java.util.Optional;
import raftlab.harness.lab.LabControl;

/**
 * Counts leader elections in a real lab by asking the nodes who leads: a leader of a higher term than the last one
 * seen is an election (a lab that cannot tell terms counts a different leader). Polled only while a schedule entry
 * waits for {@code :on :leader-elected}, so it costs nothing otherwise; the simulator counts elections as they happen.
 */
final class ElectionWatch {
    private final LabControl lab;
    private LabControl.Leadership last;
    private long elections;

    ElectionWatch(LabControl lab) { this.lab = lab; }

    /** Elections counted so far. */
    long count() { return elections; }

    /** Takes the leadership now as the baseline: only elections after this count. */
    void rebase() { lab.leadership().ifPresent(l -> last = l); }

    /** Asks once; counts an election if a new leader (or term) is seen. */
    void poll() {
        Optional<LabControl.Leadership> now = lab.leadership();
        if (now.isEmpty()) return;
        LabControl.Leadership l = now.get();
        boolean elected = last == null || (l.term() >= 0 && last.term() >= 0 ? l.term() > last.term() : !l.id().equals(last.id()));
        if (elected) elections++;
        last = l;
    }
}
