package raftlab.checker.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Knossos's set: {@code :add v} adds, {@code :read} returns the whole set. */
public final class SetModel implements Model {

    @Override public Set<String> functions() { return Set.of("add", "read"); }
    @Override public String name() { return "set"; }

    @Override public Object initialState() { return Set.of(); }

    @Override public boolean splitsByKey() { return false; }

    @Override public Object step(Object state, Call call) {
        Set<?> set = (Set<?>) state;
        return switch (call.f()) {
            case "add" -> {
                if (set.contains(call.value())) yield set;
                Set<Object> next = new HashSet<>(set);
                next.add(call.value());
                yield Set.copyOf(next);
            }
            case "read" -> call.value() == null ? set
                    : call.value() instanceof Collection<?> c && set.equals(new HashSet<>(c)) ? set : null;
            default -> null;
        };
    }
}
