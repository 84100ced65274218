package raftlab.checker.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import raftlab.checker.Failure;
import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;
import raftlab.checker.model.Model;
import raftlab.checker.search.KeyCalls;
import raftlab.checker.model.Machine;
import raftlab.checker.search.SearchOutcome;
import raftlab.history.Op;
import raftlab.history.ValueText;

/** Turns the deepest point of a failed search into a {@link Failure} a person can read. */
public final class Explainer {
    private static final int MAX_CONCURRENT = 64;

    private Explainer() {}

    public static Failure explain(KeyCalls key, Model model, Machine machine, SearchOutcome captured) {
        Call[] calls = key.calls();
        int b = captured.blocking();
        int[] callPos = new int[calls.length];
        int[] retPos = new int[calls.length];
        java.util.Arrays.fill(retPos, Integer.MAX_VALUE);
        int[] events = key.events();
        for (int p = 0; p < events.length; p++) {
            if ((events[p] & 1) == 0) callPos[events[p] >>> 1] = p;
            else retPos[events[p] >>> 1] = p;
        }
        List<Op> prefix = new ArrayList<>(captured.prefix().length);
        for (int c : captured.prefix()) prefix.add(calls[c].resultOp());
        Object state = machine.decode(captured.stateAfterPrefix());
        String stateText = model.describeState(state);
        if (b < 0) {
            return new Failure(null, null, prefix, stateText, List.of(),
                    "no linearization of all " + calls.length + " operations exists; the longest has " + prefix.size() + " and ends in state " + stateText);
        }
        List<Op> concurrent = new ArrayList<>();
        for (int i = 0; i < calls.length && concurrent.size() < MAX_CONCURRENT; i++) {
            if (i != b && callPos[i] < retPos[b] && retPos[i] > callPos[b]) concurrent.add(calls[i].invoke());
        }
        Call failing = calls[b];
        String explanation = sentence(key, model, failing, state, stateText, calls, captured.prefix(), retPos, callPos, b, concurrent.size());
        return new Failure(failing.invoke(), failing.completion(), prefix, stateText, concurrent, explanation);
    }

    private static String sentence(KeyCalls key, Model model, Call failing, Object state, String stateText, Call[] calls,
                                   int[] prefix, int[] retPos, int[] callPos, int b, int concurrentCount) {
        String keyText = key.key() == null ? "" : " of key " + ValueText.edn(key.key());
        String what = model.describeCall(failing) + keyText;
        Op inv = failing.invoke();
        StringBuilder out = new StringBuilder();
        if (failing.f().equals("read") && failing.value() != null && prefix.length > 0) {
            Object v = failing.value();
            int setter = lastSetter(calls, prefix);
            out.append("read").append(keyText).append(" returned ").append(ValueText.edn(v)).append(", but ");
            if (setter >= 0) {
                Call s = calls[setter];
                boolean before = retPos[setter] < callPos[b];
                out.append(model.describeCall(s)).append(" (process ").append(s.invoke().process()).append(")")
                        .append(before ? " finished at " : " took effect at the latest by ").append(when(s.resultOp()))
                        .append(before ? ", before this read began at " + when(inv) : ", while this read ran from " + when(inv));
            } else {
                out.append("the register held ").append(stateText).append(" when this read began at ").append(when(inv));
            }
            List<String> writers = new ArrayList<>();
            for (int i = 0; i < calls.length; i++) {
                if (writes(calls[i], v)) writers.add(model.describeCall(calls[i]) + " by process " + calls[i].invoke().process()
                        + " (" + when(calls[i].invoke()) + " to " + (calls[i].fate() == Fate.COMPLETED ? when(calls[i].resultOp()) : "unknown") + ")");
            }
            if (writers.isEmpty()) out.append(", and nothing ever wrote ").append(ValueText.edn(v)).append('.');
            else out.append(", and nothing wrote ").append(ValueText.edn(v)).append(" after that in any order consistent with the other operations (writers of ")
                    .append(ValueText.edn(v)).append(": ").append(String.join("; ", writers.subList(0, Math.min(3, writers.size()))))
                    .append(writers.size() > 3 ? "; ..." : "").append(").");
        } else {
            out.append(what).append(" by process ").append(inv.process()).append(", invoked at ").append(when(inv));
            if (failing.completion() != null) out.append(" and completed at ").append(when(failing.completion()));
            out.append(", cannot take effect: after the longest linearizable prefix (").append(prefix.length)
                    .append(" operations) the state is ").append(stateText);
            out.append(", and no order of the ").append(concurrentCount).append(" operations concurrent with it makes it possible.");
        }
        return out.toString();
    }

    private static int lastSetter(Call[] calls, int[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            Call c = calls[prefix[i]];
            if (!c.failed() && (c.f().equals("write") || c.f().equals("cas") || c.f().equals("delete"))) return prefix[i];
        }
        return -1;
    }

    private static boolean writes(Call c, Object v) {
        if (c.f().equals("write")) return Objects.equals(c.value(), v);
        if (c.f().equals("cas") && !c.failed() && c.value() instanceof List<?> p && p.size() == 2) return Objects.equals(p.get(1), v);
        return false;
    }

    /** "12.301 s" on the history's clock, or the op's index when the history has no times. */
    public static String when(Op op) {
        if (op.time() >= 0) return String.format(Locale.ROOT, "%.3f s", op.time() / 1e9);
        return "op #" + op.index();
    }
}
