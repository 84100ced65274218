package raftlab.checker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Knossos's FIFO queue: {@code :enqueue v} at the back, {@code :dequeue v} only of the front. */
public final class FifoQueueModel implements Model {

    @Override public Set<String> functions() { return Set.of("enqueue", "dequeue"); }
    @Override public String name() { return "fifo-queue"; }

    @Override public Object initialState() { return List.of(); }

    @Override public boolean splitsByKey() { return false; }

    @Override public boolean isRead(String f) { return false; }

    @Override public Object step(Object state, Call call) {
        List<?> queue = (List<?>) state;
        return switch (call.f()) {
            case "enqueue" -> {
                List<Object> next = new ArrayList<>(queue);
                next.add(call.value());
                yield List.copyOf(next);
            }
            case "dequeue" -> !queue.isEmpty() && Objects.equals(queue.get(0), call.value()) ? List.copyOf(queue.subList(1, queue.size())) : null;
            default -> null;
        };
    }
}
