package raftlab.checker.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import raftlab.checker.Failure;
import raftlab.checker.model.Call;
import raftlab.checker.model.Machine;
import raftlab.checker.model.Model;
import raftlab.checker.search.KeyCalls;
import raftlab.checker.search.SearchOutcome;
import raftlab.history.Op;
import raftlab.history.ValueText;

/**
 * Turns the deepest point of a failed search (or the fast path's first failing completion) into a
 * {@link Failure} a person can read. Where one operation proves the point, the sentence names it
 * with its real times and it becomes the failure's witness ({@link Witnesses}); otherwise the
 * sentence claims only what the search established.
 */
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
                    "no linearization of all " + calls.length + " operations exists; the longest has " + prefix.size() + " and ends in state " + stateText, null);
        }
        List<Op> concurrent = new ArrayList<>();
        for (int i = 0; i < calls.length && concurrent.size() < MAX_CONCURRENT; i++) {
            if (i != b && callPos[i] < retPos[b] && retPos[i] > callPos[b]) concurrent.add(calls[i].invoke());
        }
        Call failing = calls[b];
        String keyText = key.key() == null ? "" : " of key " + ValueText.edn(key.key());
        Witnesses.Found found = new Witnesses(calls, callPos, retPos, model).explain(b, keyText);
        String explanation;
        Op witness = null;
        if (found != null) {
            explanation = found.sentence();
            witness = found.witness();
        } else {
            explanation = general(model, failing, keyText, stateText, prefix.size(), concurrent.size());
        }
        return new Failure(failing.invoke(), failing.completion(), prefix, stateText, concurrent, explanation, witness);
    }

    /** What the search established, and nothing more: no single operation proves it. */
    private static String general(Model model, Call failing, String keyText, String stateText, int prefixLength, int concurrentCount) {
        Op inv = failing.invoke();
        StringBuilder out = new StringBuilder();
        out.append(model.describeCall(failing)).append(keyText).append(" by process ").append(inv.process())
                .append(", invoked at ").append(when(inv));
        if (failing.completion() != null) out.append(" and completed at ").append(when(failing.completion()));
        out.append(", cannot take effect: after the longest linearizable prefix (").append(prefixLength)
                .append(" operations) the state is ").append(stateText)
                .append(", and no order of the ").append(concurrentCount).append(" operations concurrent with it makes it possible.");
        return out.toString();
    }

    /** "12.301042 s" on the history's clock (microseconds, so that close events read apart), or the op's index when the history has no times. */
    public static String when(Op op) {
        if (op.time() >= 0) return String.format(Locale.ROOT, "%.6f s", op.time() / 1e9);
        return "op #" + op.index();
    }
}
