package raftlab.checker.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import raftlab.checker.model.Model;
import raftlab.history.HistoryReader;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * What {@code raftlab check FILE} refuses before it searches: a file with no client operations, an operation the model
 * does not know, a completion with no invocation before it, and a process that invokes again before its last invocation
 * completed. Each of these means the wrong file or the wrong {@code --model}; judging it anyway would print a verdict
 * that explains nothing. The library and {@code --bench} take any history: an empty one is linearizable.
 */
final class ClientOps {
    private ClientOps() {}

    /** The sentence saying what is wrong with the file, or null when its client operations can be checked. */
    static String problem(Path file, HistoryReader.Lined history, Model model) {
        List<Op> ops = history.ops();
        Set<String> known = model.functions();
        Map<Long, Integer> open = new HashMap<>(); // process -> position of its invocation without a completion yet
        boolean anyClientOp = false;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.isNemesis()) continue; // a nemesis may carry any :f
            anyClientOp = true;
            long line = history.lineOf(i);
            if (!known.isEmpty() && !known.contains(op.f())) {
                return file + " line " + line + ": :" + op.f() + " is not an operation of the " + model.name() + " model (it knows :"
                        + String.join(", :", known.stream().sorted().toList()) + "); pass the --model the history was written for";
            }
            Integer invoked = open.get(op.process());
            if (op.type() == OpType.INVOKE) {
                if (invoked != null) {
                    return file + " line " + line + ": process " + op.process() + " invokes :" + op.f() + " while its :" + ops.get(invoked).f()
                            + " invoked on line " + history.lineOf(invoked) + " has no completion; a process runs one operation at a time,"
                            + " so pass the whole history as it was recorded";
                }
                open.put(op.process(), i);
            } else {
                if (invoked == null) {
                    return file + " line " + line + ": process " + op.process() + " completes :" + op.f() + " (:" + op.type().name().toLowerCase(java.util.Locale.ROOT)
                            + ") with no invocation before it; pass the whole history as it was recorded";
                }
                open.remove(op.process());
            }
        }
        if (!anyClientOp) {
            return file + " holds no client operations, so there is nothing to check; pass the history of a run, such as its history.edn";
        }
        return null;
    }
}
