package raftlab.checker;

import java.util.List;
import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;
import raftlab.checker.model.Model;
import raftlab.checker.search.HistorySplitter;
import raftlab.checker.search.KeyCalls;
import raftlab.history.Op;

/**
 * The definition of linearizability, tried by brute force for small histories: every order of the
 * calls that respects real time (a call that completed before another began comes first), with
 * uncertain calls placed anywhere or left out, stepped through the model's own step function.
 * No cache, no heuristics, no compiled machine: an oracle for the search.
 */
final class ExhaustiveChecker {
    private ExhaustiveChecker() {}

    static Validity check(List<Op> history, Model model) {
        for (KeyCalls key : HistorySplitter.split(history, model).keys()) {
            int n = key.size();
            int[] callPos = new int[n];
            int[] retPos = new int[n];
            java.util.Arrays.fill(retPos, Integer.MAX_VALUE);
            for (int p = 0; p < key.events().length; p++) {
                int e = key.events()[p];
                if ((e & 1) == 0) callPos[e >>> 1] = p;
                else retPos[e >>> 1] = p;
            }
            if (!search(key.calls(), callPos, retPos, new boolean[n], model.initialState(), model)) return Validity.INVALID;
        }
        return Validity.VALID;
    }

    private static boolean search(Call[] calls, int[] callPos, int[] retPos, boolean[] done, Object state, Model model) {
        boolean allCompletedDone = true;
        for (int i = 0; i < calls.length; i++) if (!done[i] && calls[i].fate() == Fate.COMPLETED) allCompletedDone = false;
        if (allCompletedDone) return true;
        for (int c = 0; c < calls.length; c++) {
            if (done[c] || !mayGoNext(c, calls, callPos, retPos, done)) continue;
            Object next = model.step(state, calls[c]);
            if (next == null) continue;
            done[c] = true;
            boolean ok = search(calls, callPos, retPos, done, next, model);
            done[c] = false;
            if (ok) return true;
        }
        return false;
    }

    /** No call still to be placed completed before c began. */
    private static boolean mayGoNext(int c, Call[] calls, int[] callPos, int[] retPos, boolean[] done) {
        for (int d = 0; d < calls.length; d++) {
            if (!done[d] && d != c && retPos[d] < callPos[c]) return false;
        }
        return true;
    }
}
