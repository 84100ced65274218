package raftlab.harness.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A history turned into what the run page draws: client operations as intervals (an invocation
 * paired with its completion by process), fault windows from the nemesis's {@code start-x} /
 * {@code stop-x} / {@code heal} operations, and the nemesis operations themselves. Pure.
 */
record Timeline(List<Interval> intervals, List<FaultBand> faults, List<NemesisMark> nemesis, List<Long> processes, long endNanos) {

    /**
     * One client operation. {@code type} is ok, fail or info; {@code open} when it never completed
     * (drawn to the end of the run). {@code value} is what it returned when it returned something.
     */
    record Interval(long invokeIndex, long process, long startNanos, long endNanos, String type, String f, String value,
                    String error, String node, boolean open) {}

    /** A fault in force from {@code startNanos} to {@code endNanos}; {@code value} is what the nemesis said it did. */
    record FaultBand(String kind, long startNanos, long endNanos, String value) {}

    record NemesisMark(long timeNanos, String f, String value, String error) {}

    static Timeline of(List<HistoryEvent> events) {
        long end = 0;
        for (HistoryEvent e : events) end = Math.max(end, e.timeNanos());
        List<Interval> intervals = new ArrayList<>();
        Map<Long, HistoryEvent> pending = new HashMap<>();
        TreeSet<Long> processes = new TreeSet<>();
        List<NemesisMark> marks = new ArrayList<>();
        Map<String, FaultBand> open = new LinkedHashMap<>();
        List<FaultBand> faults = new ArrayList<>();
        for (HistoryEvent e : events) {
            if (e.isNemesis()) {
                nemesis(e, marks, open, faults);
                continue;
            }
            processes.add(e.process());
            if (e.isInvoke()) {
                HistoryEvent previous = pending.put(e.process(), e);
                // A second invocation without a completion is a malformed history; keep the first as never completed.
                if (previous != null) intervals.add(openInterval(previous, end));
                continue;
            }
            HistoryEvent invoke = pending.remove(e.process());
            if (invoke == null) continue;
            String value = e.type().equals("ok") || invoke.value() == null ? e.value() : invoke.value();
            intervals.add(new Interval(invoke.index(), e.process(), invoke.timeNanos(), Math.max(e.timeNanos(), invoke.timeNanos()), e.type(),
                    invoke.f(), value, e.error(), e.node(), false));
        }
        for (HistoryEvent invoke : pending.values()) intervals.add(openInterval(invoke, end));
        for (FaultBand band : open.values()) faults.add(new FaultBand(band.kind(), band.startNanos(), end, band.value()));
        intervals.sort(Comparator.comparingLong(Interval::startNanos).thenComparingLong(Interval::invokeIndex));
        faults.sort(Comparator.comparingLong(FaultBand::startNanos));
        return new Timeline(intervals, faults, marks, new ArrayList<>(processes), end);
    }

    private static Interval openInterval(HistoryEvent invoke, long end) {
        return new Interval(invoke.index(), invoke.process(), invoke.timeNanos(), Math.max(end, invoke.timeNanos()), "info", invoke.f(),
                invoke.value(), null, null, true);
    }

    /**
     * A nemesis operation may come as one event (the simulator) or as an invocation and a completion
     * (real labs, Jepsen's way); the pair counts as one mark, and the completion's value says what was done.
     */
    private static void nemesis(HistoryEvent e, List<NemesisMark> marks, Map<String, FaultBand> open, List<FaultBand> faults) {
        String f = e.f() == null ? "" : e.f();
        NemesisMark last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
        boolean completion = last != null && last.f().equals(f) && "nil".equals(last.value()) && last.error() == null;
        if (completion) marks.set(marks.size() - 1, new NemesisMark(last.timeNanos(), f, e.value(), e.error()));
        else marks.add(new NemesisMark(e.timeNanos(), f, e.value(), e.error()));
        if (f.startsWith("start-")) {
            String kind = f.substring(6);
            FaultBand band = open.get(kind);
            if (band == null) open.put(kind, new FaultBand(kind, e.timeNanos(), -1, e.value()));
            else if (completion && !"nil".equals(e.value())) open.put(kind, new FaultBand(kind, band.startNanos(), -1, e.value()));
        } else if (f.startsWith("stop-")) {
            FaultBand band = open.remove(f.substring(5));
            if (band != null) faults.add(new FaultBand(band.kind(), band.startNanos(), e.timeNanos(), band.value()));
        } else if (f.equals("heal")) {
            for (FaultBand band : open.values()) faults.add(new FaultBand(band.kind(), band.startNanos(), e.timeNanos(), band.value()));
            open.clear();
        }
    }
}
