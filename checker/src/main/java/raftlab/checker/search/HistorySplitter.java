package raftlab.checker.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import raftlab.checker.OpCounts;
import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;
import raftlab.checker.model.KeyOrder;
import raftlab.checker.model.Model;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * Pairs each invocation with its process's next completion, asks the model what the completion
 * means, and splits the calls by key when the history holds Jepsen's {@code [key v]} tuples and the
 * model allows it. Nemesis operations are left out.
 */
public final class HistorySplitter {
    /** The calls per key in key order, and how client operations completed. */
    public record Split(List<KeyCalls> keys, OpCounts counts, boolean byKey) {}

    private HistorySplitter() {}

    public static Split split(List<Op> history, Model model) {
        boolean byKey = model.splitsByKey() && holdsTuples(history);
        // call index per invocation position, and the completion paired with it
        Map<Long, Integer> pendingByProcess = new HashMap<>();
        List<Op> invokes = new ArrayList<>();
        List<Op> completions = new ArrayList<>();
        int[] eventCall = new int[history.size()];
        boolean[] eventIsReturn = new boolean[history.size()];
        java.util.Arrays.fill(eventCall, -1);
        long ok = 0;
        long fail = 0;
        long info = 0;
        for (int position = 0; position < history.size(); position++) {
            Op op = history.get(position);
            if (op.isNemesis()) continue;
            if (op.type() == OpType.INVOKE) {
                Integer previous = pendingByProcess.put(op.process(), invokes.size());
                if (previous != null) info++; // a process that invokes again never completed its last op
                eventCall[position] = invokes.size();
                invokes.add(op);
                completions.add(null);
            } else {
                Integer call = pendingByProcess.remove(op.process());
                if (call == null) continue; // a completion without an invocation says nothing
                completions.set(call, op);
                eventCall[position] = call;
                eventIsReturn[position] = true;
                switch (op.type()) {
                    case OK -> ok++;
                    case FAIL -> fail++;
                    case INFO, INVOKE -> info++;
                }
            }
        }
        info += pendingByProcess.size();

        Map<Object, Builder> byKeyCalls = new TreeMap<>(KeyOrder.INSTANCE);
        Fate[] fates = new Fate[invokes.size()];
        int[] localIndex = new int[invokes.size()];
        Builder[] builderOf = new Builder[invokes.size()];
        for (int position = 0; position < history.size(); position++) {
            int call = eventCall[position];
            if (call < 0) continue;
            Op invoke = invokes.get(call);
            Op completion = completions.get(call);
            if (!eventIsReturn[position]) {
                Fate fate = model.fate(invoke, completion);
                fates[call] = fate;
                if (fate == Fate.DROPPED) continue;
                Object key = byKey ? ((List<?>) invoke.value()).get(0) : null;
                Builder b = byKeyCalls.computeIfAbsent(key == null ? NoKey.NONE : key, k -> new Builder());
                builderOf[call] = b;
                localIndex[call] = b.calls.size();
                b.calls.add(toCall(model, invoke, completion, fate, byKey));
                b.events.add(2 * localIndex[call]);
            } else if (fates[call] == Fate.COMPLETED) {
                builderOf[call].events.add(2 * localIndex[call] + 1);
            }
        }
        List<KeyCalls> keys = new ArrayList<>();
        for (Map.Entry<Object, Builder> e : byKeyCalls.entrySet()) {
            Builder b = e.getValue();
            keys.add(new KeyCalls(e.getKey() == NoKey.NONE ? null : e.getKey(), b.calls.toArray(new Call[0]),
                    b.events.stream().mapToInt(Integer::intValue).toArray()));
        }
        if (keys.isEmpty() && !byKey) keys.add(new KeyCalls(null, new Call[0], new int[0]));
        return new Split(keys, new OpCounts(ok, fail, info), byKey);
    }

    private enum NoKey { NONE }

    private static final class Builder {
        final List<Call> calls = new ArrayList<>();
        final List<Integer> events = new ArrayList<>();
    }

    private static Call toCall(Model model, Op invoke, Op completion, Fate fate, boolean byKey) {
        Object value;
        if (fate == Fate.COMPLETED && completion != null && (completion.value() != null || model.isRead(invoke.f()))) {
            value = completion.value();
        } else {
            value = invoke.value();
        }
        if (byKey) value = value instanceof List<?> tuple && tuple.size() == 2 ? tuple.get(1) : null;
        boolean failed = fate == Fate.COMPLETED && completion != null && completion.type() == OpType.FAIL;
        return new Call(invoke.f(), value, failed, invoke, completion, fate);
    }

    /** Jepsen's independent histories: every client op's value is a [key v] pair, and not every op is a cas. */
    private static boolean holdsTuples(List<Op> history) {
        boolean any = false;
        boolean notCas = false;
        for (Op op : history) {
            if (op.isNemesis()) continue;
            if (!(op.value() instanceof List<?> l) || l.size() != 2) {
                if (op.type() == OpType.INVOKE || op.value() != null) return false;
                continue; // a completion may drop the value
            }
            any = true;
            if (!op.f().equals("cas")) notCas = true;
        }
        return any && notCas;
    }
}
