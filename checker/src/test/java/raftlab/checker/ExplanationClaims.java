package raftlab.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import raftlab.checker.explain.Explainer;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * Checks an explanation's claims mechanically against its history: the witness is an ok
 * completion of the history that came before the failing operation was invoked, and every time
 * the sentence quotes is the time of an event of the history, with "completed at A, before ...
 * began at B" and "began at A, after ... completed at B" true of those times.
 */
final class ExplanationClaims {
    private static final Pattern BEFORE = Pattern.compile("completed at ([0-9.]+ s), before (?:this|the) [a-z]+ began at ([0-9.]+ s)");
    private static final Pattern AFTER = Pattern.compile("began at ([0-9.]+ s), after [^,;]*? completed at ([0-9.]+ s)");
    private static final Pattern TIME = Pattern.compile("([0-9]+\\.[0-9]{6} s)");

    private ExplanationClaims() {}

    /** Null when every claim holds, else what does not. */
    static String check(Failure failure, List<Op> history) {
        if (failure == null) return "no failure";
        Op witness = failure.witness();
        if (witness != null) {
            Op inHistory = history.stream().filter(o -> o.index() == witness.index()).findFirst().orElse(null);
            if (inHistory == null || inHistory.type() != OpType.OK || !inHistory.equals(witness.withValue(inHistory.value()))) {
                return "the witness " + witness + " is not an ok completion of the history";
            }
            if (failure.invoke() == null || witness.index() >= failure.invoke().index()) {
                return "the witness " + witness + " did not complete before the failing operation was invoked (" + failure.invoke() + ")";
            }
            if (!failure.explanation().contains(Explainer.when(witness))) return "the sentence does not give the witness's time " + Explainer.when(witness);
        }
        Map<String, Long> times = new HashMap<>();
        for (Op o : history) times.put(Explainer.when(o), o.index());
        Matcher t = TIME.matcher(failure.explanation());
        while (t.find()) if (!times.containsKey(t.group(1))) return "the sentence quotes " + t.group(1) + ", the time of no event";
        Matcher before = BEFORE.matcher(failure.explanation());
        while (before.find()) {
            if (times.get(before.group(1)) >= times.get(before.group(2))) return "'" + before.group() + "' is not true";
        }
        Matcher after = AFTER.matcher(failure.explanation());
        while (after.find()) {
            if (times.get(after.group(1)) <= times.get(after.group(2))) return "'" + after.group() + "' is not true";
        }
        return null;
    }
}
