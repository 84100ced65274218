package raftlab.harness.nemesis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import raftlab.history.Op;

/**
 * How many faults of each kind ran, read from the history, so that every lab counts the same way and a
 * run that injected nothing says so: a fault counts when its completion (the nemesis op that says what
 * was done, after the invocation with no value) carries no error. The simulator's scripted scenarios
 * record one op per step ({@code kill}, {@code start-partition}); those count as their kind too.
 */
public final class FaultCounts {
    private FaultCounts() {}

    public static Map<String, Long> of(List<Op> history) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (Op op : history) {
            if (!op.isNemesis() || op.value() == null || op.error() != null || op.f() == null) continue;
            String kind = kindOf(op.f());
            if (kind != null) counts.merge(kind, 1L, Long::sum);
        }
        return new LinkedHashMap<>(counts);
    }

    private static String kindOf(String f) {
        if (f.startsWith("start-")) return f.substring(6);
        return f.equals("kill") ? "kill" : null;
    }

    /** {@code partition 3, kill 2}, or {@code none}. */
    public static String describe(Map<String, Long> counts) {
        if (counts.isEmpty()) return "none";
        StringBuilder b = new StringBuilder();
        counts.forEach((kind, n) -> b.append(b.length() == 0 ? "" : ", ").append(kind).append(' ').append(n));
        return b.toString();
    }
}
