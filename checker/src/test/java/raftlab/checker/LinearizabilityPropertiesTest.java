package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import raftlab.checker.bench.RegisterHistoryGenerator;
import raftlab.checker.bench.StaleReads;
import raftlab.checker.model.Model;
import raftlab.checker.model.Models;
import raftlab.history.Op;
import raftlab.history.OpType;

/** The search against real registers, against a planted stale read, and against brute force. */
class LinearizabilityPropertiesTest {
    private static final CheckOptions OPTIONS = CheckOptions.defaults().withThreads(1);

    @Property(tries = 150)
    void historiesOfARealRegisterAreValid(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int ops,
                                          @ForAll @IntRange(min = 1, max = 12) int processes) {
        List<Op> history = RegisterHistoryGenerator.generate(seed, ops, processes, 0.1);
        CheckResult result = Checker.check(history, Models.byName("register"), OPTIONS);
        assertEquals(Validity.VALID, result.validity(), () -> "seed " + seed + ", " + ops + " ops, " + processes + " processes: " + result.keys());
    }

    @Property(tries = 150)
    void aReadOfAnOverwrittenValueIsInvalid(@ForAll long seed, @ForAll @IntRange(min = 20, max = 400) int ops,
                                            @ForAll @IntRange(min = 1, max = 12) int processes) {
        List<Op> history = new ArrayList<>(RegisterHistoryGenerator.generate(seed, ops, processes, 0.1));
        int planted = StaleReads.plantAnywhere(history, new SplittableRandom(seed));
        if (planted < 0) return; // no read follows two finished writes in this history
        CheckResult result = Checker.check(history, Models.byName("register"), OPTIONS);
        assertEquals(Validity.INVALID, result.validity(), () -> "seed " + seed + ", stale read at index " + planted + ": " + result.keys());
    }

    @Property(tries = 400)
    void smallHistoriesAgreeWithExhaustiveSearch(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int ops,
                                                 @ForAll @IntRange(min = 1, max = 3) int processes,
                                                 @ForAll("models") String modelName) {
        List<Op> history = randomHistory(new SplittableRandom(seed), ops, processes, modelName.equals("register"));
        Model model = Models.byName(modelName);
        Validity expected = ExhaustiveChecker.check(history, model);
        Validity got = Checker.check(history, model, OPTIONS).validity();
        assertEquals(expected, got, () -> "seed " + seed + " under " + modelName + ": " + history);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> models() {
        return net.jqwik.api.Arbitraries.of("register", "cas-register", "etcd-cas-register");
    }

    /** Random, mostly non-linearizable histories over values 0..2, with fails, infos and pending ops. */
    static List<Op> randomHistory(SplittableRandom random, int ops, int processes, boolean mismatchErrors) {
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
                    case "write" -> (long) random.nextInt(3);
                    default -> Op.tuple((long) random.nextInt(3), (long) random.nextInt(3));
                };
                pending[p] = Op.invoke(history.size(), history.size(), p, f, value);
                history.add(pending[p]);
                invoked++;
            } else {
                Op inv = pending[p];
                int dice = random.nextInt(10);
                OpType type = dice < 7 ? OpType.OK : dice < 8 ? OpType.FAIL : OpType.INFO;
                Object value = inv.f().equals("read") && type == OpType.OK ? (random.nextInt(4) == 0 ? null : (Object) (long) random.nextInt(3)) : inv.value();
                String error = type == OpType.FAIL && inv.f().equals("cas") && mismatchErrors && random.nextBoolean() ? "mismatch" : null;
                history.add(inv.complete(history.size(), history.size(), type, value, error));
                pending[p] = null;
            }
        }
        return history;
    }
}
