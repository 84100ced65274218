package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.junit.jupiter.api.Test;
import raftlab.checker.bench.RegisterHistoryGenerator;
import raftlab.checker.bench.StaleReads;
import raftlab.checker.model.Model;
import raftlab.checker.model.Models;
import raftlab.checker.model.RegisterModel;
import raftlab.checker.search.HistorySplitter;
import raftlab.checker.search.KeyCalls;
import raftlab.checker.search.UniqueValuesCheck;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * The fast path for unique written values against brute force and against the full search: where
 * it decides, it must agree; where it cannot, the checker must still agree.
 */
class UniqueValuesPropertiesTest {
    private static final CheckOptions WITH_FAST_PATH = CheckOptions.defaults().withThreads(1);
    private static final CheckOptions SEARCH_ONLY = WITH_FAST_PATH.withFastPath(false).withTimeLimit(Duration.ofSeconds(10));

    /** The fast path must also decide most small histories itself (about 97% when written), or it is not a fast path. */
    @Property(tries = 3000)
    @StatisticsReport(onFailureOnly = true)
    void fastPathAgreesWithBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int ops,
                                      @ForAll @IntRange(min = 1, max = 4) int processes) {
        for (String name : List.of("register", "cas-register", "etcd-cas-register")) {
            List<Op> history = uniqueValueHistory(new SplittableRandom(seed), ops, processes, name.equals("register"));
            Model model = Models.byName(name);
            Validity expected = ExhaustiveChecker.check(history, model);
            UniqueValuesCheck.Verdict fast = fastVerdict(history, (RegisterModel) model);
            Statistics.label(FAST_PATH).collect(fast == UniqueValuesCheck.Verdict.UNDECIDED ? "undecided" : "decided");
            String context = "seed " + seed + " under " + name + ": " + history;
            if (fast == UniqueValuesCheck.Verdict.VALID) assertEquals(Validity.VALID, expected, context);
            if (fast == UniqueValuesCheck.Verdict.INVALID) assertEquals(Validity.INVALID, expected, context);
            assertEquals(expected, Checker.check(history, model, WITH_FAST_PATH).validity(), context);
            assertEquals(expected, Checker.check(history, model, SEARCH_ONLY).validity(), context + " (search only)");
        }
        // Checked by jqwik over all tries once they have run (and so also when this property runs alone).
        Statistics.label(FAST_PATH).coverage(coverage -> coverage.check("undecided").percentage((Double percent) ->
                assertTrue(percent < 10, "the fast path left " + percent + "% of small histories undecided (at most 10% expected)")));
    }

    private static final String FAST_PATH = "fast path";

    @Property(tries = 60)
    void fastPathAgreesWithTheSearchOnGeneratedHistories(@ForAll long seed, @ForAll @IntRange(min = 50, max = 2000) int ops,
                                                         @ForAll @IntRange(min = 1, max = 30) int processes,
                                                         @ForAll boolean stale) {
        List<Op> history = new ArrayList<>(RegisterHistoryGenerator.generate(seed, ops, processes, 0.15));
        if (stale) StaleReads.plantAnywhere(history, new SplittableRandom(seed));
        Model model = Models.byName("register");
        Validity search = Checker.check(history, model, SEARCH_ONLY).validity();
        CheckResult fast = Checker.check(history, model, WITH_FAST_PATH);
        String context = "seed " + seed + ", " + ops + " ops, " + processes + " processes, stale read planted: " + stale;
        if (fast.validity() == Validity.INVALID) org.junit.jupiter.api.Assertions.assertNull(ExplanationClaims.check(fast.firstFailure(), history), context);
        if (search == Validity.UNKNOWN) return; // the search did not decide within 10 s: nothing to compare
        assertEquals(search, fast.validity(), context);
    }

    @Test
    void aCrashedWriteObservedThroughACrashedCompareAndSetTookEffect() {
        List<Op> history = List.of(
                Op.invoke(0, 0, 0, "write", 1L), Op.invoke(1, 1, 1, "cas", Op.tuple(1L, 2L)),
                new Op(2, 2, OpType.INFO, 0, "write", 1L, "timeout"), new Op(3, 3, OpType.INFO, 1, "cas", Op.tuple(1L, 2L), "timeout"),
                Op.invoke(4, 4, 2, "read", null), new Op(5, 5, OpType.OK, 2, "read", 2L, null));
        Model model = Models.byName("register");
        assertEquals(UniqueValuesCheck.Verdict.VALID, fastVerdict(history, (RegisterModel) model));
        assertEquals(Validity.VALID, ExhaustiveChecker.check(history, model));
        assertEquals(Validity.VALID, Checker.check(history, model, SEARCH_ONLY).validity(), "the search must keep both crashed calls");
    }

    @Test
    void aMismatchNeedsACrashedWriteToHaveTakenEffect() {
        // write 1 ok; write 5 crashed; then cas [1 3] found another value: only write 5 explains it
        List<Op> history = List.of(
                Op.invoke(0, 0, 0, "write", 1L), new Op(1, 1, OpType.OK, 0, "write", 1L, null),
                Op.invoke(2, 2, 1, "write", 5L), new Op(3, 3, OpType.INFO, 1, "write", 5L, "timeout"),
                Op.invoke(4, 4, 2, "cas", Op.tuple(1L, 3L)), new Op(5, 5, OpType.FAIL, 2, "cas", Op.tuple(1L, 3L), "mismatch"));
        Model model = Models.byName("register");
        assertEquals(UniqueValuesCheck.Verdict.VALID, fastVerdict(history, (RegisterModel) model));
        assertEquals(Validity.VALID, Checker.check(history, model, SEARCH_ONLY).validity(), "the search must keep the crashed write");
        List<Op> withoutTheCrash = List.of(history.get(0), history.get(1), history.get(4), history.get(5));
        assertEquals(Validity.INVALID, Checker.check(withoutTheCrash, model, WITH_FAST_PATH).validity());
    }

    static UniqueValuesCheck.Verdict fastVerdict(List<Op> history, RegisterModel model) {
        UniqueValuesCheck.Verdict worst = UniqueValuesCheck.Verdict.VALID;
        for (KeyCalls key : HistorySplitter.split(history, model).keys()) {
            UniqueValuesCheck.Verdict v = UniqueValuesCheck.check(key, model).verdict();
            if (v == UniqueValuesCheck.Verdict.INVALID) return v;
            if (v == UniqueValuesCheck.Verdict.UNDECIDED) worst = v;
        }
        return worst;
    }

    /**
     * Random histories whose writes and compare-and-sets write values never written before
     * (1, 2, 3, ...), reads return a value written so far or nil, compare-and-sets expect one;
     * completions ok, fail (with or without mismatch), info or none.
     */
    static List<Op> uniqueValueHistory(SplittableRandom random, int ops, int processes, boolean mismatchErrors) {
        return RandomRegisterHistories.generate(random, ops, processes, new RandomRegisterHistories.Values() {
            private long nextValue = 1;

            @Override public Object write(SplittableRandom r) { return nextValue++; }

            @Override public Object cas(SplittableRandom r) { return Op.tuple(seen(r, nextValue), nextValue++); }

            @Override public Object read(SplittableRandom r) { return seen(r, nextValue); }

            @Override public int okOutOfTen() { return 6; }

            @Override public boolean mismatch(SplittableRandom r) { return !mismatchErrors || r.nextInt(4) != 0; }
        });
    }

    private static Object seen(SplittableRandom random, long nextValue) {
        int v = random.nextInt((int) nextValue + 1);
        return v == 0 ? null : v == nextValue ? (Object) (nextValue + 7) : (Object) (long) v;
    }

    @Test
    void aWitnessThatCompletedAfterTheFailingOperationBeganIsCaught() {
        List<Op> history = List.of(Op.invoke(0, 1000, 0, "write", 1L), Op.invoke(1, 2000, 1, "read", null),
                new Op(2, 3000, OpType.OK, 0, "write", 1L, null), new Op(3, 4000, OpType.OK, 1, "read", 7L, null));
        Failure claimsTooMuch = new Failure(history.get(1), history.get(3), List.of(), "", List.of(),
                "read returned 7, but write 1 completed at 0.000003 s, before this read began at 0.000002 s", history.get(2));
        org.junit.jupiter.api.Assertions.assertNotNull(ExplanationClaims.check(claimsTooMuch, history));
    }

    @Test
    void fiftyBusyProcessesAreDecidedByTheFastPath() {
        // with the blocks ordered by their last invocation alone, a mismatched compare-and-set of
        // this history found no place and the whole history went to the search
        List<Op> history = RegisterHistoryGenerator.generate(77, 20_000, 50, 0, 0, 1);
        assertEquals(UniqueValuesCheck.Verdict.VALID, fastVerdict(history, (RegisterModel) Models.byName("register")), "seed 77, 20,000 ops, 50 processes");
    }

    @Test
    void theGeneratorWritesUniqueValues() {
        List<Op> history = uniqueValueHistory(new SplittableRandom(3), 50, 4, true);
        long writes = history.stream().filter(o -> o.type() == OpType.INVOKE && !o.f().equals("read")).count();
        long distinct = history.stream().filter(o -> o.type() == OpType.INVOKE && !o.f().equals("read"))
                .map(o -> o.f().equals("cas") ? ((List<?>) o.value()).get(1) : o.value()).distinct().count();
        assertTrue(writes > 0 && writes == distinct, "writes " + writes + ", distinct values " + distinct);
    }
}
