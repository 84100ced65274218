package raftlab.checker.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Knossos's multi-register: {@code :txn [[:read k v] [:write k v] ...]} over several registers,
 * applied atomically; a read of nil matches any value. Not split by key: a transaction spans keys.
 */
public final class MultiRegisterModel implements Model {
    private final Map<Object, Object> initial;

    public MultiRegisterModel(Map<?, ?> initial) {
        this.initial = sorted(initial);
    }

    @Override public String name() { return "multi-register"; }

    @Override public Object initialState() { return initial; }

    @Override public boolean splitsByKey() { return false; }

    @Override public Object step(Object state, Call call) {
        if (!(call.value() instanceof List<?> micro)) return null;
        Map<?, ?> current = (Map<?, ?>) state;
        Map<Object, Object> next = null;
        for (Object m : micro) {
            if (!(m instanceof List<?> op) || op.size() != 3) return null;
            String f = String.valueOf(op.get(0)).replaceFirst("^:", "");
            Object k = op.get(1);
            Object v = op.get(2);
            Object now = next != null ? next.get(k) : current.get(k);
            switch (f) {
                case "read" -> { if (v != null && !Objects.equals(v, now)) return null; }
                case "write" -> {
                    if (next == null) next = new TreeMap<>(KeyOrder.INSTANCE);
                    if (next.isEmpty()) next.putAll(current);
                    next.put(k, v);
                }
                default -> { return null; }
            }
        }
        return next == null ? state : next;
    }

    private static Map<Object, Object> sorted(Map<?, ?> m) {
        Map<Object, Object> out = new TreeMap<>(KeyOrder.INSTANCE);
        out.putAll(m);
        return out;
    }
}
