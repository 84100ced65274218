package raftlab.checker.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs any {@link Model} on long states by numbering each distinct state the first time it appears. */
public final class InterningMachine implements Machine {
    private final Model model;
    private final Call[] calls;
    private final List<Object> states = new ArrayList<>();
    private final Map<Object, Integer> ids = new HashMap<>();

    public InterningMachine(Model model, Call[] calls) {
        this.model = model;
        this.calls = calls;
    }

    @Override public long initial() { return intern(model.initialState()); }

    @Override public long step(long state, int call) {
        Object next = model.step(states.get((int) state), calls[call]);
        return next == null ? ILLEGAL : intern(next);
    }

    @Override public boolean readOnly(int call) { return model.isRead(calls[call].f()); }

    @Override public Object decode(long state) { return states.get((int) state); }

    private long intern(Object state) {
        Integer id = ids.get(state);
        if (id == null) {
            id = states.size();
            states.add(state);
            ids.put(state, id);
        }
        return id;
    }
}
