package raftlab.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * Random register histories for the property tests: processes invoke reads, writes and compare-and-sets at random and
 * complete them ok, fail or info (or never), one operation per process at a time. What values they use, how often an
 * operation succeeds and when a failed compare-and-set says {@code :mismatch} is each test's own ({@link Values}).
 */
final class RandomRegisterHistories {
    private RandomRegisterHistories() {}

    /** The choices a kind of history makes; an instance may keep state across one history (the next unique value). */
    interface Values {
        Object write(SplittableRandom random);

        Object cas(SplittableRandom random);

        /** What an acknowledged read returns. */
        Object read(SplittableRandom random);

        /** Of ten completions, how many are ok (then fail up to 8, info above). */
        int okOutOfTen();

        /** Whether a failed compare-and-set carries {@code :error :mismatch}. */
        boolean mismatch(SplittableRandom random);
    }

    static List<Op> generate(SplittableRandom random, int ops, int processes, Values values) {
        List<Op> history = new ArrayList<>();
        Op[] pending = new Op[processes];
        int invoked = 0;
        while (invoked < ops || java.util.Arrays.stream(pending).anyMatch(p -> p != null)) {
            int p = random.nextInt(processes);
            if (pending[p] == null) {
                if (invoked == ops) {
                    if (random.nextInt(4) == 0) break; // leave the rest pending
                    continue;
                }
                int dice = random.nextInt(3);
                String f = dice == 0 ? "read" : dice == 1 ? "write" : "cas";
                Object value = switch (f) {
                    case "read" -> null;
                    case "write" -> values.write(random);
                    default -> values.cas(random);
                };
                pending[p] = Op.invoke(history.size(), history.size(), p, f, value);
                history.add(pending[p]);
                invoked++;
            } else {
                Op inv = pending[p];
                int dice = random.nextInt(10);
                OpType type = dice < values.okOutOfTen() ? OpType.OK : dice < 8 ? OpType.FAIL : OpType.INFO;
                Object value = inv.f().equals("read") && type == OpType.OK ? values.read(random) : inv.value();
                String error = type == OpType.FAIL && inv.f().equals("cas") && values.mismatch(random) ? "mismatch" : null;
                history.add(inv.complete(history.size(), history.size(), type, value, error));
                pending[p] = null;
            }
        }
        return history;
    }
}
