package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import raftlab.checker.bench.RegisterHistoryGenerator;
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
        int planted = plantStaleRead(history, new SplittableRandom(seed));
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

    /**
     * Makes an ok read return the value of a write that finished before another write began,
     * which itself finished before the read began: no linearization can let the read see it.
     * Returns the read's position, or -1 when the history has no such read.
     */
    static int plantStaleRead(List<Op> history, SplittableRandom random) {
        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (op.type() == OpType.OK && op.f().equals("read")) reads.add(i);
        }
        while (!reads.isEmpty()) {
            int at = reads.remove(random.nextInt(reads.size()));
            Op read = history.get(at);
            int readInvoke = invokePosition(history, at);
            // the latest ok write that completed before the read began, and an ok write completed before that one began
            for (int w2 = readInvoke - 1; w2 >= 0; w2--) {
                Op second = history.get(w2);
                if (second.type() != OpType.OK || !second.f().equals("write")) continue;
                int secondInvoke = invokePosition(history, w2);
                for (int w1 = secondInvoke - 1; w1 >= 0; w1--) {
                    Op first = history.get(w1);
                    if (first.type() == OpType.OK && first.f().equals("write") && !first.value().equals(read.value())) {
                        history.set(at, read.withValue(first.value()));
                        return at;
                    }
                }
                break;
            }
        }
        return -1;
    }

    private static int invokePosition(List<Op> history, int completion) {
        long process = history.get(completion).process();
        for (int i = completion - 1; i >= 0; i--) {
            if (history.get(i).process() == process && history.get(i).type() == OpType.INVOKE) return i;
        }
        throw new IllegalStateException("completion without invocation at " + completion);
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
