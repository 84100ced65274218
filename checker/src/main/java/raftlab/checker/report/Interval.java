package raftlab.checker.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * An operation as a bar on a time axis: invocation to completion (or to the end of the history when
 * it never completed). Positions are times in ns when the history has them, else op positions.
 */
record Interval(Op invoke, Op completion, double start, double end) {
    /** Every client operation of the history, in invocation order. */
    static List<Interval> all(List<Op> history) {
        boolean timed = !history.isEmpty() && history.stream().allMatch(o -> o.time() >= 0);
        double last = history.isEmpty() ? 0 : position(history.get(history.size() - 1), history.size() - 1, timed);
        Map<Long, Integer> pending = new HashMap<>();
        List<Op> invokes = new ArrayList<>();
        List<Op> completions = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (op.isNemesis()) continue;
            if (op.type() == OpType.INVOKE) {
                pending.put(op.process(), invokes.size());
                invokes.add(op);
                completions.add(null);
                starts.add(position(op, i, timed));
                ends.add(last);
            } else {
                Integer at = pending.remove(op.process());
                if (at == null) continue;
                completions.set(at, op);
                ends.set(at, position(op, i, timed));
            }
        }
        List<Interval> out = new ArrayList<>(invokes.size());
        for (int i = 0; i < invokes.size(); i++) out.add(new Interval(invokes.get(i), completions.get(i), starts.get(i), ends.get(i)));
        return out;
    }

    private static double position(Op op, int i, boolean timed) { return timed ? op.time() : i; }

    String color(boolean failing) {
        if (failing) return "#e0463c";
        if (completion == null || completion.type() == OpType.INFO) return "#b5b5b5";
        return completion.type() == OpType.OK ? "#7fc97f" : "#fdc086";
    }

    String label() {
        Op result = completion != null && completion.type() == OpType.OK ? completion : invoke;
        String v = raftlab.history.ValueText.edn(result.value());
        if (v.length() > 24) v = v.substring(0, 21) + "...";
        return invoke.f() + " " + v + (completion == null ? " ?" : completion.type() == OpType.OK ? "" : " " + completion.type().keyword());
    }
}
