package raftlab.checker.explain;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;
import raftlab.checker.model.Model;
import raftlab.checker.model.RegisterModel;
import raftlab.history.Op;
import raftlab.history.ValueText;

/**
 * Finds the operation that proves a register operation could not see the value it saw, when the
 * value was written only once: one that completed before the failing operation was invoked and
 * that must have taken effect after that write. In order of preference:
 * <ol>
 * <li>a compare-and-set from that value to another (it replaced the value for good);</li>
 * <li>a write of another value that began after the value's write completed;</li>
 * <li>an operation that observed a later value: one written by an operation that began after the
 *     value's write completed, or one that follows the value through compare-and-sets.</li>
 * </ol>
 * Failures with no such witness (nothing wrote the value; its write began after the operation
 * ended) say so with real times; anything else is left to the general sentence.
 */
final class Witnesses {
    /** A sentence and the completion of the operation it rests on (null when it rests on none). */
    record Found(String sentence, Op witness) {}

    private final Call[] calls;
    private final int[] callPos;
    private final int[] retPos;
    private final Model model;
    private final Map<Object, Integer> writerCount = new HashMap<>();
    private final Map<Object, Integer> writerOf = new HashMap<>();
    private final Map<Object, List<Integer>> casFrom = new HashMap<>(); // successful or crashed compare-and-sets per expected value

    Witnesses(Call[] calls, int[] callPos, int[] retPos, Model model) {
        this.calls = calls;
        this.callPos = callPos;
        this.retPos = retPos;
        this.model = model;
        for (int i = 0; i < calls.length; i++) {
            Object w = written(calls[i]);
            if (w == NOTHING) continue;
            writerCount.merge(w, 1, Integer::sum);
            writerOf.put(w, i);
            if (calls[i].f().equals("cas")) casFrom.computeIfAbsent(from(calls[i]), k -> new java.util.ArrayList<>()).add(i);
        }
    }

    private static final Object NOTHING = new Object();

    /** The explanation of call {@code b}'s failure, or null when no rule applies. */
    Found explain(int b, String keyText) {
        if (!(model instanceof RegisterModel)) return null;
        Call red = calls[b];
        Object v = observed(red);
        if (v == NOTHING || red.completion() == null) return null;
        String subject = subject(red, keyText);
        String began = " this " + noun(red) + " began at " + Explainer.when(red.invoke());
        int writers = writerCount.getOrDefault(v, 0);
        boolean start = Objects.equals(v, norm(model.initialState()));
        if (start && writers == 0) return fromStart(b, v, subject, began);
        if (writers == 0) {
            return new Found(subject + ", but no operation that may have taken effect wrote " + text(v)
                    + " (no write of it succeeded or crashed).", null);
        }
        if (writers > 1 || start) return null;
        int w = writerOf.get(v);
        Call write = calls[w];
        if (callPos[w] > retPos[b]) {
            return new Found(subject + ", but the only write of " + text(v) + ", " + who(w) + ", began at " + Explainer.when(write.invoke())
                    + ", after this " + noun(red) + " completed at " + Explainer.when(red.completion()) + ".", null);
        }
        String once = "; only " + who(w) + " ever wrote " + text(v) + ".";
        // 1: a compare-and-set from v that completed before b began
        int best = latest(b, x -> !calls[x].failed() && calls[x].f().equals("cas") && Objects.equals(from(calls[x]), v));
        if (best >= 0) {
            return new Found(subject + ", but " + who(best) + " replaced " + text(v) + ": it completed at " + Explainer.when(calls[best].completion())
                    + ", before" + began + once, calls[best].completion());
        }
        boolean writeCompleted = write.fate() == Fate.COMPLETED && write.completion() != null;
        // 2: a write of another value that began after v's write completed
        if (writeCompleted) {
            best = latest(b, x -> x != w && written(calls[x]) != NOTHING && !Objects.equals(written(calls[x]), v) && callPos[x] > retPos[w]);
            if (best >= 0) {
                return new Found(subject + ", but " + who(best) + " began at " + Explainer.when(calls[best].invoke()) + ", after " + who(w)
                        + " completed at " + Explainer.when(write.completion()) + ", and completed at " + Explainer.when(calls[best].completion())
                        + ", before" + began + once, calls[best].completion());
            }
        }
        // 3: an operation that observed a later value
        Map<Object, String> later = later(v, w, writeCompleted);
        best = latest(b, x -> {
            Object u = observed(calls[x]);
            return u != NOTHING && !Objects.equals(u, v) && later.containsKey(u);
        });
        if (best >= 0) {
            Object u = observed(calls[best]);
            return new Found(subject + ", but " + who(best) + " completed at " + Explainer.when(calls[best].completion()) + ", before" + began
                    + ", and " + text(u) + " " + later.get(u) + once, calls[best].completion());
        }
        return null;
    }

    /** A value that was never written: the start value; proven stale by any operation that saw or set another before. */
    private Found fromStart(int b, Object v, String subject, String began) {
        int best = latest(b, x -> {
            Object u = observed(calls[x]);
            Object set = written(calls[x]);
            return (u != NOTHING && !Objects.equals(u, v)) || (set != NOTHING && !Objects.equals(set, v));
        });
        if (best < 0) return null;
        return new Found(subject + " (the start value), but " + who(best) + " completed at " + Explainer.when(calls[best].completion())
                + ", before" + began + ", and nothing sets the register back to " + text(v) + ".", calls[best].completion());
    }

    /**
     * Values that must have been written after v's write took effect, each with the reason in
     * words: those whose only writer began after v's write completed, and those that follow such a
     * value (or v itself) through compare-and-sets, every value on the way written once.
     */
    private Map<Object, String> later(Object v, int w, boolean writeCompleted) {
        Map<Object, String> out = new HashMap<>();
        ArrayDeque<Object> queue = new ArrayDeque<>();
        Set<Object> seen = new HashSet<>();
        seen.add(v);
        queue.add(v);
        if (writeCompleted) {
            for (int x = 0; x < calls.length; x++) {
                Object u = written(calls[x]);
                if (u == NOTHING || x == w || writerCount.get(u) != 1 || callPos[x] < retPos[w] || !seen.add(u)) continue;
                out.put(u, "was written by " + who(x) + ", which began at " + Explainer.when(calls[x].invoke()) + ", after " + who(w)
                        + " completed at " + Explainer.when(calls[w].completion()));
                queue.add(u);
            }
        }
        while (!queue.isEmpty()) {
            Object a = queue.poll();
            for (int x : casFrom.getOrDefault(a, List.of())) {
                Object u = written(calls[x]);
                if (u == NOTHING || writerCount.get(u) != 1 || !seen.add(u)) continue;
                out.put(u, "can only have been written after " + text(v) + ": " + who(x) + " expected " + text(a)
                        + (Objects.equals(a, v) ? "" : ", which follows " + text(v) + " the same way"));
                queue.add(u);
            }
        }
        return out;
    }

    /** The completed call x other than b, satisfying the test, that completed last before b began; or -1. */
    private int latest(int b, java.util.function.IntPredicate test) {
        int best = -1;
        for (int x = 0; x < calls.length; x++) {
            if (x == b || calls[x].fate() != Fate.COMPLETED || calls[x].completion() == null || calls[x].failed()) continue;
            if (retPos[x] >= callPos[b] || !test.test(x)) continue;
            if (best < 0 || retPos[x] > retPos[best]) best = x;
        }
        return best;
    }

    /** The value a call needs the register to hold: a read's, a successful compare-and-set's expected one. */
    private Object observed(Call c) {
        if (c.fate() != Fate.COMPLETED) return NOTHING;
        if (c.f().equals("read")) {
            if (c.value() == null && ((RegisterModel) model).nilReadMatchesAny()) return NOTHING;
            return norm(c.value());
        }
        if (c.f().equals("cas") && !c.failed()) {
            Object from = from(c);
            return from == NOTHING ? NOTHING : from;
        }
        return NOTHING;
    }

    private static Object written(Call c) {
        if (c.failed()) return NOTHING;
        return switch (c.f()) {
            case "write" -> norm(c.value());
            case "delete" -> RegisterModel.Absent.ABSENT;
            case "cas" -> c.value() instanceof List<?> p && p.size() == 2 ? norm(p.get(1)) : NOTHING;
            default -> NOTHING;
        };
    }

    private static Object from(Call c) {
        return c.value() instanceof List<?> p && p.size() == 2 ? norm(p.get(0)) : NOTHING;
    }

    private static Object norm(Object v) { return v == null ? RegisterModel.Absent.ABSENT : v; }

    private static String text(Object v) { return v == RegisterModel.Absent.ABSENT ? "nil" : ValueText.edn(v); }

    private String subject(Call red, String keyText) {
        if (red.f().equals("read")) return "read" + keyText + " returned " + text(norm(red.value()));
        return model.describeCall(red) + keyText + " found " + text(from(red));
    }

    private static String noun(Call c) { return c.f().equals("read") ? "read" : "operation"; }

    private String who(int x) {
        return model.describeCall(calls[x]) + " (process " + calls[x].invoke().process() + ")";
    }
}
