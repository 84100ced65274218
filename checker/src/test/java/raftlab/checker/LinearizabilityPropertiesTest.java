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
        return RandomRegisterHistories.generate(random, ops, processes, new RandomRegisterHistories.Values() {
            @Override public Object write(SplittableRandom r) { return (long) r.nextInt(3); }

            @Override public Object cas(SplittableRandom r) { return Op.tuple((long) r.nextInt(3), (long) r.nextInt(3)); }

            @Override public Object read(SplittableRandom r) { return r.nextInt(4) == 0 ? null : (Object) (long) r.nextInt(3); }

            @Override public int okOutOfTen() { return 7; }

            @Override public boolean mismatch(SplittableRandom r) { return mismatchErrors && r.nextBoolean(); }
        });
    }
}
