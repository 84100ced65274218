package raftlab.checker.search;

import java.util.SplittableRandom;
import raftlab.checker.model.Machine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wing and Gong's linearizability search with Lowe's cache of (linearized set, state), on a
 * doubly linked list of events as in Lowe's and Porcupine's implementations: linearizing a call
 * unlinks its invocation and completion, backtracking links them back in LIFO order.
 *
 * <p>Calls that may or may not have happened ({@code :info}) keep only an invocation, in a list of
 * their own, and need never be linearized. The candidates at each point are the calls invoked
 * before the first pending completion, tried in this order: a read-only call that fits (taken
 * without alternatives: it commutes to the front); the call whose completion comes first (when the
 * machine wants it); calls after which the target fits; calls after which it may still fit; the
 * rest. The target is that first call, or for a machine whose reads alone pin the state down
 * (kv-append) the read that completes first. Within each rank completed calls come before
 * uncertain ones, and of interchangeable uncertain calls only the first is tried. A thousand
 * crashed writes then cost little unless someone observed them, where Porcupine, which tries them
 * first, wanders. The cache files each state under the machine's {@link Machine#canonical} form.
 */
public final class WglSearch {
    private static final int END = -1;
    private static final int CHECK_EVERY = 1 << 12;
    // the phases of choosing at one level, in order
    private static final int READS = -1;
    private static final int FIRST = 0;
    private static final int ENABLERS_MAIN = 1; // calls after which the target fits
    private static final int ENABLERS_INFO = 2;
    private static final int PROGRESS_MAIN = 3; // calls after which it may still fit without a reset
    private static final int PROGRESS_INFO = 4;
    private static final int REST_MAIN = 5;
    private static final int REST_INFO = 6;

    private final KeyCalls calls;
    private final Machine machine;
    private final long deadlineNanos;
    private final AtomicBoolean cancelled;
    private final MemoryBudget budget;

    public WglSearch(KeyCalls calls, Machine machine, long deadlineNanos, AtomicBoolean cancelled, MemoryBudget budget) {
        this.calls = calls;
        this.machine = machine;
        this.deadlineNanos = deadlineNanos;
        this.cancelled = cancelled;
        this.budget = budget;
    }

    /** Searches for a linearization of every completed call. */
    public SearchOutcome run() { return search(-1); }

    /** Searches again until {@code depth} completed calls are linearized, and returns that prefix. */
    public SearchOutcome capture(int depth) { return search(depth); }

    private SearchOutcome search(int captureDepth) {
        int n = calls.size();
        int mainHead = 2 * n;
        int infoHead = 2 * n + 1;
        int[] next = new int[2 * n + 2];
        int[] prev = new int[2 * n + 2];
        int[] seq = new int[2 * n + 2];
        long[] z1 = new long[n];
        long[] z2 = new long[n];
        SplittableRandom random = new SplittableRandom(0x5EEDL);
        for (int i = 0; i < n; i++) {
            z1[i] = random.nextLong();
            z2[i] = random.nextLong();
        }
        int mainTail = mainHead;
        int infoTail = infoHead;
        next[mainHead] = END;
        next[infoHead] = END;
        int remaining = 0;
        int[] events = calls.events();
        for (int position = 0; position < events.length; position++) {
            int e = events[position];
            seq[e] = position;
            int call = e >>> 1;
            boolean info = !calls.completed(call);
            if (info) {
                next[infoTail] = e;
                prev[e] = infoTail;
                next[e] = END;
                infoTail = e;
            } else {
                next[mainTail] = e;
                prev[e] = mainTail;
                next[e] = END;
                mainTail = e;
                if ((e & 1) == 0) remaining++;
            }
        }

        int[] stackCall = new int[n];
        long[] stackState = new long[n];
        int[] stackPhase = new int[n];
        int[] stackFirst = new int[n];
        int[] stackTarget = new int[n];
        boolean[] stackForced = new boolean[n];
        int depth = 0;
        long state = machine.initial();
        long f1 = 0;
        long f2 = 0;
        int linearizedCompleted = 0;
        int deepest = 0;
        int first = firstReturn(next, mainHead);
        int target = earliestObserver(next, first);
        int phase = READS;
        boolean seenInterchangeable = false; // in an uncertain phase: one interchangeable call was met already
        boolean resettable = true; // whether a call that resets the state may still come before the target
        int entry = next[mainHead];
        ConfigurationCache cache = new ConfigurationCache(budget);
        long iterations = -1; // so the bounds are checked before the first step too
        try {
            while (true) {
                if (remaining == 0) return new SearchOutcome(SearchOutcome.Result.VALID, null, cache.size(), linearizedCompleted, new int[0], -1, state);
                if (captureDepth >= 0 && linearizedCompleted >= captureDepth) {
                    return captured(cache, linearizedCompleted, java.util.Arrays.copyOf(stackCall, depth), first, state);
                }
                if ((++iterations & (CHECK_EVERY - 1)) == 0) {
                    if (System.nanoTime() - deadlineNanos > 0) return stopped("the time limit", cache, deepest);
                    if (cancelled.get()) return stopped("cancellation", cache, deepest);
                }
                // Choose the next candidate. The call whose completion comes first must take
                // effect before anything else completes, so it goes first; then the calls after which
                // the target could take effect (completed ones in invocation order, then uncertain
                // ones); then the rest. Uncertain calls are tried only among those invoked before the
                // first completion.
                int candidate = -1;
                long after = Machine.ILLEGAL;
                if (phase == READS) {
                    // a read-only call that fits is always safe to take now (see below)
                    if (entry == END || (entry & 1) == 1) {
                        phase = FIRST;
                        continue;
                    }
                    int c = entry >>> 1;
                    if (machine.readOnly(c)) after = machine.step(state, c);
                    if (after == Machine.ILLEGAL) {
                        entry = next[entry];
                        continue;
                    }
                    candidate = c;
                } else if (phase == FIRST) {
                    if (!machine.earliestCompletionFirst()) {
                        phase = ENABLERS_MAIN;
                        entry = next[mainHead];
                        resettable = anyReset(next, mainHead, infoHead, seq, target, state);
                        continue;
                    }
                    candidate = first;
                    after = machine.step(state, candidate);
                } else {
                    boolean inMain = (phase & 1) == 1;
                    boolean past = inMain ? entry == END || (entry & 1) == 1 : entry == END || seq[entry] > seq[2 * first + 1];
                    if (past) {
                        if (phase == REST_INFO) {
                            candidate = -1; // every choice at this level was tried
                        } else {
                            phase++;
                            entry = (phase & 1) == 1 ? next[mainHead] : next[infoHead];
                            seenInterchangeable = false;
                            continue;
                        }
                    } else {
                        int c = entry >>> 1;
                        boolean uncertain = (phase & 1) == 0;
                        // Of interchangeable uncertain calls only the first is tried.
                        boolean skip = c == first && machine.earliestCompletionFirst();
                        if (uncertain && interchangeable(c, first)) {
                            skip |= seenInterchangeable;
                            seenInterchangeable = true;
                        }
                        if (!skip) {
                            long stepped = machine.step(state, c);
                            // An uncertain call that changes nothing is better left for later.
                            if (uncertain && stepped == state) stepped = Machine.ILLEGAL;
                            if (stepped != Machine.ILLEGAL) {
                                int rank = machine.step(stepped, target) != Machine.ILLEGAL ? 0 : machine.canStillFit(stepped, target) ? 1 : 2;
                                // the target must still be able to take effect, unless something may reset the state
                                if (rank == 2 && !resettable) {
                                    rank = -1;
                                    // Dropped, but c itself fits: that prefix is one call longer, and the
                                    // target is what cannot follow it, which is what an explanation should say.
                                    int longer = linearizedCompleted + 1;
                                    if (calls.completed(c) && longer > deepest) {
                                        if (captureDepth >= 0 && longer >= captureDepth) {
                                            int[] prefix = java.util.Arrays.copyOf(stackCall, depth + 1);
                                            prefix[depth] = c;
                                            return captured(cache, longer, prefix, target, stepped);
                                        }
                                        deepest = longer;
                                    }
                                }
                                if (rank == (phase - 1) / 2) {
                                    candidate = c;
                                    after = stepped;
                                }
                            }
                        }
                        if (candidate < 0) {
                            entry = next[entry];
                            continue;
                        }
                    }
                }
                boolean backtrack = candidate < 0;
                if (candidate >= 0) {
                    if (after != Machine.ILLEGAL) {
                        long g1 = f1 ^ z1[candidate];
                        long g2 = f2 ^ z2[candidate];
                        // A read-only call that fits now can move to this point of any linearization
                        // from here (it changes no state, and everything that completed before it
                        // began is linearized already), so it is taken without trying alternatives,
                        // and when its configuration is known to fail, so does this one.
                        boolean forced = machine.readOnly(candidate);
                        if (cache.add(g1, g2, machine.canonical(after))) {
                            stackCall[depth] = candidate;
                            stackState[depth] = state;
                            stackPhase[depth] = phase;
                            stackFirst[depth] = first;
                            stackTarget[depth] = target;
                            stackForced[depth] = forced;
                            depth++;
                            unlink(next, prev, 2 * candidate);
                            if (calls.completed(candidate)) {
                                unlink(next, prev, 2 * candidate + 1);
                                remaining--;
                                linearizedCompleted++;
                                if (linearizedCompleted > deepest) deepest = linearizedCompleted;
                            }
                            state = after;
                            f1 = g1;
                            f2 = g2;
                            first = firstReturn(next, mainHead);
                            target = earliestObserver(next, first);
                            phase = READS;
                            entry = next[mainHead];
                            continue;
                        }
                        backtrack = forced;
                    }
                    if (!backtrack) {
                        if (phase == FIRST) {
                            phase = ENABLERS_MAIN;
                            entry = next[mainHead];
                            resettable = anyReset(next, mainHead, infoHead, seq, target, state);
                        } else {
                            entry = next[entry];
                        }
                        continue;
                    }
                }
                // nothing left to try at this level: backtrack past every forced choice
                boolean forced;
                do {
                    if (depth == 0) return new SearchOutcome(SearchOutcome.Result.INVALID, null, cache.size(), deepest, new int[0], -1, state);
                    depth--;
                    int undone = stackCall[depth];
                    if (calls.completed(undone)) {
                        relink(next, prev, 2 * undone + 1);
                        remaining++;
                        linearizedCompleted--;
                    }
                    relink(next, prev, 2 * undone);
                    state = stackState[depth];
                    phase = stackPhase[depth];
                    first = stackFirst[depth];
                    target = stackTarget[depth];
                    f1 ^= z1[undone];
                    f2 ^= z2[undone];
                    forced = stackForced[depth];
                } while (forced);
                resettable = anyReset(next, mainHead, infoHead, seq, target, state);
                if (phase == FIRST) {
                    phase = ENABLERS_MAIN;
                    entry = next[mainHead];
                } else {
                    int undone = stackCall[depth];
                    entry = next[2 * undone];
                    if ((phase & 1) == 0) seenInterchangeable = interchangeableUpTo(next, infoHead, 2 * undone, first);
                }
            }
        } catch (ConfigurationCache.MemoryBoundReached e) {
            return stopped("the memory bound (" + (budget.limitBytes() >> 20) + " MiB)", cache, deepest);
        } finally {
            cache.release();
        }
    }

    /** The prefix of {@code linearized} completed calls that the explanation asked for, and the call that cannot follow it. */
    private static SearchOutcome captured(ConfigurationCache cache, int linearized, int[] prefix, int blamed, long state) {
        return new SearchOutcome(SearchOutcome.Result.CAPTURED, null, cache.size(), linearized, prefix, blamed, state);
    }

    private static SearchOutcome stopped(String why, ConfigurationCache cache, int deepest) {
        return new SearchOutcome(SearchOutcome.Result.STOPPED, why, cache.size(), deepest, new int[0], -1, 0);
    }

    /** Whether a call that resets the state to one from which {@code target} can still fit may take effect before {@code target} must. */
    private boolean anyReset(int[] next, int mainHead, int infoHead, int[] seq, int target, long state) {
        int end = 2 * target + 1;
        for (int e = next[mainHead]; e != END && e != end; e = next[e]) if ((e & 1) == 0 && helpfulReset(e >>> 1, target, state)) return true;
        int boundary = seq[end];
        for (int e = next[infoHead]; e != END && seq[e] < boundary; e = next[e]) if (helpfulReset(e >>> 1, target, state)) return true;
        return false;
    }

    private boolean helpfulReset(int call, int target, long state) {
        if (call == target || !machine.resets(call)) return false;
        long after = machine.step(state, call);
        return after != Machine.ILLEGAL && machine.canStillFit(after, target);
    }

    /** Whether an interchangeable call lies in the uncertain list from its head up to and including {@code last}. */
    private boolean interchangeableUpTo(int[] next, int head, int last, int first) {
        for (int e = next[head]; e != END; e = next[e]) {
            if (interchangeable(e >>> 1, first)) return true;
            if (e == last) return false;
        }
        return false;
    }

    /** Class 0, or an uncertain call that nothing still to come can tell apart from class 0. */
    private boolean interchangeable(int call, int first) {
        return machine.symmetryClass(call) == 0 || machine.distinctUntil(call) < calls.calls()[first].completion().index();
    }

    /**
     * The call the choices steer toward: the pending call that completes first among those whose
     * results pin the state down ({@link Machine#observes}), or {@code first} when none is pending.
     * For kv-append it is the next get to complete, so that appends are tried in the order its
     * value spells, not in invocation order.
     */
    private int earliestObserver(int[] next, int first) {
        if (first < 0 || machine.observes(first)) return first;
        for (int e = next[2 * first + 1]; e != END; e = next[e]) {
            if ((e & 1) == 1 && machine.observes(e >>> 1)) return e >>> 1;
        }
        return first;
    }

    private static int firstReturn(int[] next, int head) {
        for (int e = next[head]; e != END; e = next[e]) {
            if ((e & 1) == 1) return e >>> 1;
        }
        return -1;
    }

    private static void unlink(int[] next, int[] prev, int e) {
        int p = prev[e];
        int q = next[e];
        next[p] = q;
        if (q != END) prev[q] = p;
    }

    private static void relink(int[] next, int[] prev, int e) {
        int p = prev[e];
        int q = next[e];
        next[p] = e;
        if (q != END) prev[q] = e;
    }
}
