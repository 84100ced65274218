package raftlab.checker.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;
import raftlab.checker.model.RegisterModel;

/**
 * Which crashed writes of a register may be left out of the search altogether (Knossos's rule,
 * with the care its models need). A crashed write or compare-and-set of value v may be dropped
 * only when nothing could have observed it:
 * <ul>
 * <li>no completed read returned v, and no completed compare-and-set expected v;</li>
 * <li>no crashed compare-and-set expected v, unless that one may itself be dropped (so the rule
 *     is iterated to a fixed point: {@code write 1 :info; cas [1 2] :info; read 2 ok} keeps both);</li>
 * <li>no failed call that the model keeps as having run ({@code register}'s
 *     {@code :fail :cas :mismatch}, which saw another value than it expected) completed after the
 *     write was invoked: the write may be that other value.</li>
 * </ul>
 * Then whatever a linearization does with the write, the same linearization without it is one too:
 * the only calls that could run while the register held v are other writes.
 */
public final class CrashedWrites {
    private CrashedWrites() {}

    /** {@code key} without the crashed writes that may be dropped; the same object when there are none. */
    public static KeyCalls withoutDroppable(KeyCalls key, RegisterModel model) {
        boolean[] drop = droppable(key, model);
        int kept = 0;
        for (boolean d : drop) if (!d) kept++;
        if (kept == key.size()) return key;
        int[] renumber = new int[key.size()];
        Call[] calls = new Call[kept];
        for (int i = 0, k = 0; i < key.size(); i++) {
            renumber[i] = drop[i] ? -1 : k;
            if (!drop[i]) calls[k++] = key.calls()[i];
        }
        int[] events = new int[key.events().length];
        int e = 0;
        for (int event : key.events()) {
            int call = renumber[event >>> 1];
            if (call >= 0) events[e++] = 2 * call + (event & 1);
        }
        return new KeyCalls(key.key(), calls, java.util.Arrays.copyOf(events, e));
    }

    /** Per call: whether it is a crashed write or compare-and-set that may be dropped. */
    static boolean[] droppable(KeyCalls key, RegisterModel model) {
        Call[] calls = key.calls();
        int n = calls.length;
        // position in the key's events of each invocation, and the last completion of a failed call that ran
        long[] invokedAt = new long[n];
        long lastFailedCompletion = Long.MIN_VALUE;
        int[] events = key.events();
        for (int p = 0; p < events.length; p++) {
            int call = events[p] >>> 1;
            if ((events[p] & 1) == 0) invokedAt[call] = p;
            else if (calls[call].failed()) lastFailedCompletion = p;
        }
        // how many calls that are not droppable (yet) observe each value
        Map<Object, Integer> observers = new HashMap<>();
        boolean[] candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            Call c = calls[i];
            boolean crashed = c.fate() == Fate.MAYBE;
            switch (c.f()) {
                case "read" -> {
                    if (c.value() != null || !model.nilReadMatchesAny()) observers.merge(orAbsent(c.value()), 1, Integer::sum);
                }
                case "write" -> candidate[i] = crashed;
                case "cas" -> {
                    if (c.value() instanceof List<?> pair && pair.size() == 2) {
                        if (!c.failed()) observers.merge(orAbsent(pair.get(0)), 1, Integer::sum);
                        candidate[i] = crashed;
                    }
                }
                default -> { }
            }
        }
        boolean[] drop = new boolean[n];
        // a crashed compare-and-set that is dropped no longer observes its expected value: repeat until nothing changes
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (!candidate[i] || drop[i]) continue;
                if (invokedAt[i] < lastFailedCompletion) continue;
                Object v = orAbsent(written(calls[i]));
                if (observers.getOrDefault(v, 0) > 0) continue;
                drop[i] = true;
                changed = true;
                if (calls[i].f().equals("cas")) {
                    Object from = orAbsent(((List<?>) calls[i].value()).get(0));
                    observers.merge(from, -1, Integer::sum);
                }
            }
        }
        return drop;
    }

    private static Object written(Call c) {
        return c.f().equals("cas") ? ((List<?>) c.value()).get(1) : c.value();
    }

    private static Object orAbsent(Object v) {
        return Objects.requireNonNullElse(v, RegisterModel.Absent.ABSENT);
    }
}
