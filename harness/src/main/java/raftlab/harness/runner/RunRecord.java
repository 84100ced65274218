package raftlab.harness.runner;

import java.util.List;
import raftlab.history.Op;

/**
 * What running a campaign produced, before checking.
 *
 * @param history       every operation, client and nemesis
 * @param liveness      the recovery verdict
 * @param faultWindows  [start, end) nanoseconds of each fault, for the charts
 * @param runNanos      wall time of the run phases
 */
public record RunRecord(List<Op> history, Liveness liveness, List<FaultWindow> faultWindows, long runNanos) {
    /** A fault in force from {@code startNanos} to {@code endNanos} (test time). */
    public record FaultWindow(String kind, long startNanos, long endNanos) {}
}
