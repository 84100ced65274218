package raftlab.checker.model;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Knossos's unordered queue: {@code :enqueue v}, and {@code :dequeue v} of any enqueued v (a multiset). */
public final class UnorderedQueueModel implements Model {

    @Override public Set<String> functions() { return Set.of("enqueue", "dequeue"); }
    @Override public String name() { return "unordered-queue"; }

    @Override public Object initialState() { return Map.of(); }

    @Override public boolean splitsByKey() { return false; }

    @Override public boolean isRead(String f) { return false; }

    @Override public Object step(Object state, Call call) {
        Map<?, ?> counts = (Map<?, ?>) state;
        Object v = call.value();
        return switch (call.f()) {
            case "enqueue" -> {
                Map<Object, Object> next = new TreeMap<>(KeyOrder.INSTANCE);
                next.putAll(counts);
                next.merge(v, 1L, (a, b) -> (Long) a + (Long) b);
                yield next;
            }
            case "dequeue" -> {
                Object n = counts.get(v);
                if (n == null) yield null;
                Map<Object, Object> next = new TreeMap<>(KeyOrder.INSTANCE);
                next.putAll(counts);
                if ((Long) n == 1L) next.remove(v);
                else next.put(v, (Long) n - 1);
                yield next;
            }
            default -> null;
        };
    }
}
