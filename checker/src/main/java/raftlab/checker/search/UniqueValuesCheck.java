package raftlab.checker.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;
import raftlab.checker.model.RegisterModel;

/**
 * The fast path for a register whose written values are unique (every raftlab workload writes
 * unique values). Then each read's value names the write it read, and linearizability reduces to
 * ordering constraints (Gibbons and Korach, "Testing shared memories", 1997, for registers whose
 * reads-from is known), decidable in O(n log n):
 *
 * <ul>
 * <li>The value a write (or a successful compare-and-set) puts in the register forms a
 *     <em>cluster</em> with the reads of it; a compare-and-set from {@code a} to {@code b} ends
 *     cluster {@code a} and starts {@code b}, so clusters chained by compare-and-sets form a
 *     <em>block</em> whose internal order is fixed (up to the order of the reads of one value).
 *     A linearization is the blocks one after the other: once another write takes effect, no
 *     later call can see a block's values again.</li>
 * <li>A block must come after another when one of its calls began after one of the other's
 *     completed. The history is linearizable iff each block's own order respects real time and
 *     that relation between blocks has no cycle (the start value's block first).</li>
 * <li>A crashed call is placed only when something observed its value (a read, a compare-and-set
 *     that succeeded or must have: iterated to a fixed point); leaving the others out is never
 *     worse when only equality is observed.</li>
 * </ul>
 *
 * A compare-and-set that failed because it found another value ({@code register}'s
 * {@code :fail :mismatch}) makes the problem NP-hard in general. The fast path decides everything
 * else first; if that is already impossible, the history is invalid. Otherwise it tries to place
 * each failed compare-and-set in the linearization it found, where the register held another
 * value, if need be right after a crashed write nobody observed, and answers valid only with a
 * complete linearization that it verified step by step. What it cannot place it leaves undecided,
 * for the full search.
 */
public final class UniqueValuesCheck {
    /** Valid with a verified linearization, invalid, or undecided (for the full search). */
    public enum Verdict { VALID, INVALID, UNDECIDED }

    /**
     * @param verdict the answer
     * @param reason  why undecided, or null
     * @param order   valid: a linearization (call numbers, crashed calls only where they took effect);
     *                invalid: a linearization of what completed before the red call completed
     *                (without failed compare-and-sets)
     * @param red     invalid: the call whose completion first leaves the history so far without a
     *                linearization; else -1
     */
    public record Outcome(Verdict verdict, String reason, int[] order, int red) {}

    private static final byte SKIP = 0; // constrains nothing (a read of nil under cas-register)
    private static final byte READ = 1;
    private static final byte WRITE = 2;
    private static final byte CAS = 3;
    private static final byte CAS_FAILED = 4;
    private static final long NEVER = Long.MAX_VALUE;

    private final int n;
    private final byte[] kind;
    private final int[] expected; // a read's value, a cas's expected value
    private final int[] written;  // a write's or cas's new value
    private final long[] invoked; // positions in the key's event order
    private final long[] returned; // NEVER for a call that may or may not have happened
    private final boolean[] maybe;
    private final int initial;
    private final int[] writerOf; // per value: the call that writes it, or -1
    private final String undecided;

    private UniqueValuesCheck(KeyCalls key, RegisterModel model) {
        Call[] calls = key.calls();
        n = calls.length;
        kind = new byte[n];
        expected = new int[n];
        written = new int[n];
        invoked = new long[n];
        returned = new long[n];
        maybe = new boolean[n];
        Arrays.fill(returned, NEVER);
        int[] events = key.events();
        for (int p = 0; p < events.length; p++) {
            if ((events[p] & 1) == 0) invoked[events[p] >>> 1] = p;
            else returned[events[p] >>> 1] = p;
        }
        Map<Object, Integer> ids = new HashMap<>();
        initial = id(ids, model.initialState());
        String why = null;
        for (int i = 0; i < n && why == null; i++) {
            Call c = calls[i];
            maybe[i] = c.fate() != Fate.COMPLETED;
            if (maybe[i]) returned[i] = NEVER;
            switch (c.f()) {
                case "read" -> {
                    if (c.value() == null && model.nilReadMatchesAny()) kind[i] = SKIP;
                    else {
                        kind[i] = READ;
                        expected[i] = id(ids, c.value());
                    }
                }
                case "write" -> {
                    kind[i] = WRITE;
                    written[i] = id(ids, c.value());
                }
                case "cas" -> {
                    if (c.value() instanceof List<?> pair && pair.size() == 2) {
                        kind[i] = c.failed() ? CAS_FAILED : CAS;
                        expected[i] = id(ids, pair.get(0));
                        written[i] = id(ids, pair.get(1));
                    } else {
                        why = "a compare-and-set without [expected new]";
                    }
                }
                default -> why = "an operation other than read, write and compare-and-set (" + c.f() + ")";
            }
        }
        writerOf = new int[ids.size()];
        Arrays.fill(writerOf, -1);
        for (int i = 0; i < n && why == null; i++) {
            if (kind[i] != WRITE && kind[i] != CAS) continue;
            int v = written[i];
            if (v == initial || writerOf[v] >= 0) why = "a value is written twice (or is the start value)";
            else writerOf[v] = i;
        }
        undecided = why;
    }

    private static int id(Map<Object, Integer> ids, Object value) {
        Object v = value == null ? RegisterModel.Absent.ABSENT : value;
        Integer known = ids.get(v);
        if (known != null) return known;
        ids.put(v, ids.size());
        return ids.size() - 1;
    }

    /** Decides the key, or says why it cannot. */
    public static Outcome check(KeyCalls key, RegisterModel model) {
        UniqueValuesCheck check = new UniqueValuesCheck(key, model);
        if (check.undecided != null) return new Outcome(Verdict.UNDECIDED, check.undecided, new int[0], -1);
        return check.run();
    }

    private Outcome run() {
        int[] order = relaxed(NEVER);
        if (order == null) return firstFailure();
        int[] full = placeFailedCompareAndSets(order);
        if (full == null) {
            // another order of the blocks may leave room where this one did not
            int[] other = relaxed(NEVER, false);
            full = other == null ? null : placeFailedCompareAndSets(other);
        }
        if (full == null) return new Outcome(Verdict.UNDECIDED, "a failed compare-and-set the fast path could not place", new int[0], -1);
        if (!verify(full)) return new Outcome(Verdict.UNDECIDED, "the fast path's linearization did not verify", new int[0], -1);
        return new Outcome(Verdict.VALID, null, full, -1);
    }

    /**
     * The history is invalid. Finds the first completion after which the history so far has no
     * linearization even without the failed compare-and-sets (that property only ever turns from
     * true to false as completions are added, so a binary search finds it), and the linearization
     * of what came before.
     */
    private Outcome firstFailure() {
        long[] completions = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) if (!maybe[i] && kind[i] != CAS_FAILED && kind[i] != SKIP) completions[count++] = returned[i];
        Arrays.sort(completions, 0, count);
        int lo = 0;
        int hi = count - 1; // relaxed(completions[hi] + 1) fails: the whole history fails
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (relaxed(completions[mid] + 1) == null) hi = mid;
            else lo = mid + 1;
        }
        if (count == 0) return new Outcome(Verdict.INVALID, null, new int[0], -1);
        long at = completions[lo];
        int red = -1;
        for (int i = 0; i < n; i++) if (!maybe[i] && returned[i] == at) red = i;
        int[] before = relaxed(at);
        return new Outcome(Verdict.INVALID, null, before == null ? new int[0] : before, red);
    }

    /**
     * A linearization of the calls invoked before {@code limit} (a position in the key's events),
     * leaving out failed compare-and-sets; calls not completed before it may or may not have
     * happened. Null when there is none.
     */
    private int[] relaxed(long limit) { return relaxed(limit, true); }

    private int[] relaxed(long limit, boolean earliestCompletionFirst) {
        boolean[] in = new boolean[n];
        boolean[] needed = new boolean[n];
        long[] ret = new long[n];
        int[] stack = new int[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] == SKIP || kind[i] == CAS_FAILED || invoked[i] >= limit) continue;
            boolean done = !maybe[i] && returned[i] < limit;
            if (kind[i] == READ && !done) continue; // a read still running constrains nothing
            in[i] = true;
            ret[i] = done ? returned[i] : NEVER;
            if (done) {
                needed[i] = true;
                stack[top++] = i;
            }
        }
        // A value someone observed was written: its writer took effect, and what that one expected too.
        while (top > 0) {
            int c = stack[--top];
            if (kind[c] != READ && kind[c] != CAS) continue;
            int v = expected[c];
            if (v == initial) continue;
            int w = writerOf[v];
            if (w < 0 || !in[w]) return null; // observed a value nothing wrote (yet)
            if (!needed[w]) {
                needed[w] = true;
                stack[top++] = w;
            }
        }
        int values = writerOf.length;
        int[] successor = new int[values];
        Arrays.fill(successor, -1);
        int[] readCount = new int[values + 1];
        int neededCount = 0;
        for (int i = 0; i < n; i++) {
            if (!needed[i]) continue;
            neededCount++;
            if (kind[i] == CAS) {
                if (successor[expected[i]] >= 0) return null; // two compare-and-sets from one value
                successor[expected[i]] = i;
            } else if (kind[i] == READ) {
                readCount[expected[i] + 1]++;
            }
        }
        for (int v = 0; v < values; v++) readCount[v + 1] += readCount[v];
        int[] readsByValue = new int[readCount[values]];
        int[] fill = Arrays.copyOf(readCount, values);
        for (int i = 0; i < n; i++) if (needed[i] && kind[i] == READ) readsByValue[fill[expected[i]]++] = i;
        Integer[] boxed = new Integer[0];

        // Blocks: from the start value, and from each write, follow the compare-and-sets.
        int[] flat = new int[neededCount];
        int placed = 0;
        List<int[]> blocks = new ArrayList<>(); // {first, end} in flat
        List<long[]> spans = new ArrayList<>(); // {earliest completion, latest invocation}
        List<Integer> heads = new ArrayList<>();
        heads.add(-1);
        for (int i = 0; i < n; i++) if (needed[i] && kind[i] == WRITE) heads.add(i);
        boolean startHasCalls = false;
        for (int head : heads) {
            int start = placed;
            long latestInvocationBefore = Long.MIN_VALUE; // of the calls already placed in this block
            long minRet = NEVER;
            long maxInv = Long.MIN_VALUE;
            int v = initial;
            if (head >= 0) {
                flat[placed++] = head;
                latestInvocationBefore = invoked[head];
                minRet = ret[head];
                maxInv = invoked[head];
                v = written[head];
            }
            while (true) {
                int from = readCount[v];
                int to = readCount[v + 1];
                if (to > from) {
                    if (boxed.length < to - from) boxed = new Integer[to - from];
                    for (int k = from; k < to; k++) boxed[k - from] = readsByValue[k];
                    Arrays.sort(boxed, 0, to - from, (x, y) -> Long.compare(invoked[x], invoked[y]));
                    long groupMaxInv = Long.MIN_VALUE;
                    for (int k = 0; k < to - from; k++) {
                        int r = boxed[k];
                        if (ret[r] < latestInvocationBefore) return null; // completed before a call that must precede it began
                        flat[placed++] = r;
                        groupMaxInv = Math.max(groupMaxInv, invoked[r]);
                        minRet = Math.min(minRet, ret[r]);
                    }
                    latestInvocationBefore = Math.max(latestInvocationBefore, groupMaxInv);
                    maxInv = Math.max(maxInv, groupMaxInv);
                }
                int c = successor[v];
                if (c < 0) break;
                if (ret[c] < latestInvocationBefore) return null;
                flat[placed++] = c;
                latestInvocationBefore = Math.max(latestInvocationBefore, invoked[c]);
                minRet = Math.min(minRet, ret[c]);
                maxInv = Math.max(maxInv, invoked[c]);
                v = written[c];
            }
            if (head < 0) startHasCalls = placed > start;
            if (placed > start) {
                blocks.add(new int[] {start, placed});
                spans.add(new long[] {minRet, maxInv});
            }
        }
        if (placed != neededCount) return null; // compare-and-sets from values that were never written
        return orderBlocks(flat, blocks, spans, startHasCalls, earliestCompletionFirst);
    }

    /**
     * Orders the blocks so that none comes before a block one of whose calls completed before one
     * of its own began (Kahn's algorithm on that relation, in O(b log b): a block may go next when
     * its latest invocation precedes the earliest completion of every other block left), the start
     * value's block first. Null when no order exists. Any block that may go next gives a
     * linearization; which one matters only for placing failed compare-and-sets afterwards, so the
     * caller may ask for the block whose first completion comes earliest (the order in which the
     * blocks most likely took effect) or for the one whose last invocation does.
     */
    private int[] orderBlocks(int[] flat, List<int[]> blocks, List<long[]> spans, boolean startFirst, boolean earliestCompletionFirst) {
        int b = blocks.size();
        int[] out = new int[flat.length];
        int written = 0;
        boolean[] removed = new boolean[b];
        PriorityQueue<Integer> byEarliestCompletion = new PriorityQueue<>((x, y) -> Long.compare(spans.get(x)[0], spans.get(y)[0]));
        PriorityQueue<Integer> byLatestInvocation = new PriorityQueue<>((x, y) -> Long.compare(spans.get(x)[1], spans.get(y)[1]));
        int firstOther = 0;
        if (startFirst) {
            long others = NEVER;
            for (int k = 1; k < b; k++) others = Math.min(others, spans.get(k)[0]);
            if (spans.get(0)[1] > others) return null; // something else completed before a call that saw the start value began
            written = copy(flat, blocks.get(0), out, written);
            firstOther = 1;
        }
        for (int k = firstOther; k < b; k++) {
            byEarliestCompletion.add(k);
            byLatestInvocation.add(k);
        }
        for (int left = b - firstOther; left > 0; left--) {
            clean(byEarliestCompletion, removed);
            int m1block = byEarliestCompletion.poll();
            clean(byEarliestCompletion, removed);
            long m2 = byEarliestCompletion.isEmpty() ? NEVER : spans.get(byEarliestCompletion.peek())[0];
            byEarliestCompletion.add(m1block);
            long m1 = spans.get(m1block)[0];
            clean(byLatestInvocation, removed);
            int candidate = byLatestInvocation.peek();
            int chosen = -1;
            if (earliestCompletionFirst && spans.get(m1block)[1] < m2) chosen = m1block;
            else if (spans.get(candidate)[1] < (candidate == m1block ? m2 : m1)) chosen = candidate;
            else if (spans.get(m1block)[1] < m2) chosen = m1block;
            if (chosen < 0) return null; // every block left must come after another one left
            removed[chosen] = true;
            written = copy(flat, blocks.get(chosen), out, written);
        }
        return out;
    }

    private static int copy(int[] flat, int[] block, int[] out, int at) {
        System.arraycopy(flat, block[0], out, at, block[1] - block[0]);
        return at + block[1] - block[0];
    }

    private static void clean(PriorityQueue<Integer> queue, boolean[] removed) {
        while (!queue.isEmpty() && removed[queue.peek()]) queue.poll();
    }

    /**
     * Places every failed compare-and-set into {@code order} at a point inside its interval where
     * the register held another value than it expected; where there is none, at the end of that
     * value's block right after a crashed write (or compare-and-set from that value) nobody
     * observed, which may have taken effect there. Null when some cannot be placed this way.
     */
    private int[] placeFailedCompareAndSets(int[] order) {
        int length = order.length;
        List<Integer> failed = new ArrayList<>();
        boolean[] inOrder = new boolean[n];
        for (int c : order) inOrder[c] = true;
        for (int i = 0; i < n; i++) if (kind[i] == CAS_FAILED && !maybe[i]) failed.add(i);
        if (failed.isEmpty()) return order;
        long[] prefixMaxInv = new long[length + 1];
        long[] suffixMinRet = new long[length + 1];
        int[] stateAt = new int[length + 1];
        boolean[] blockEnd = new boolean[length + 1];
        prefixMaxInv[0] = Long.MIN_VALUE;
        stateAt[0] = initial;
        for (int p = 0; p < length; p++) {
            int c = order[p];
            prefixMaxInv[p + 1] = Math.max(prefixMaxInv[p], invoked[c]);
            stateAt[p + 1] = kind[c] == READ ? stateAt[p] : written[c];
            blockEnd[p] = kind[c] == WRITE;
        }
        blockEnd[length] = true;
        suffixMinRet[length] = NEVER;
        for (int p = length - 1; p >= 0; p--) suffixMinRet[p] = Math.min(suffixMinRet[p + 1], returned[order[p]]);
        int[] nextChange = new int[length + 1];
        int[] nextBlockEnd = new int[length + 1];
        nextChange[length] = length + 1;
        nextBlockEnd[length] = length;
        for (int p = length - 1; p >= 0; p--) {
            nextChange[p] = stateAt[p + 1] != stateAt[p] ? p + 1 : nextChange[p + 1];
            nextBlockEnd[p] = blockEnd[p] ? p : nextBlockEnd[p + 1];
        }
        // crashed calls nobody observed, which may be put at the end of a block
        List<Integer> spareWrites = new ArrayList<>();
        Map<Integer, List<Integer>> spareCasFrom = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!maybe[i] || inOrder[i]) continue;
            if (kind[i] == WRITE) spareWrites.add(i);
            if (kind[i] == CAS) spareCasFrom.computeIfAbsent(expected[i], k -> new ArrayList<>()).add(i);
        }
        spareWrites.sort((x, y) -> Long.compare(invoked[x], invoked[y]));
        int nextSpare = 0;
        int[] insertedAt = new int[length + 1]; // a crashed call put at that gap, or -1
        Arrays.fill(insertedAt, -1);
        int[] gapOf = new int[n];
        boolean[] afterInserted = new boolean[n];
        // In order of invocation, each no earlier than every failed compare-and-set that completed
        // before it began, so that they keep their real-time order among themselves.
        failed.sort((x, y) -> Long.compare(invoked[x], invoked[y]));
        List<Integer> byCompletion = new ArrayList<>(failed);
        byCompletion.sort((x, y) -> Long.compare(returned[x], returned[y]));
        int completedBefore = 0;
        int floor = 0;
        for (int f : failed) {
            while (completedBefore < byCompletion.size() && returned[byCompletion.get(completedBefore)] < invoked[f]) {
                floor = Math.max(floor, gapOf[byCompletion.get(completedBefore++)]);
            }
            int lo = Math.max(floor, firstGap(suffixMinRet, invoked[f]));
            int hi = lastGap(prefixMaxInv, returned[f]);
            if (lo > hi) return null;
            int a = expected[f];
            int gap = stateAt[lo] != a ? lo : nextChange[lo] <= hi ? nextChange[lo] : -1;
            if (gap >= 0) {
                gapOf[f] = gap;
                continue;
            }
            int end = nextBlockEnd[lo];
            if (end > hi) return null;
            long limit = Math.min(suffixMinRet[end], returned[f]);
            int spare = insertedAt[end];
            if (spare < 0) {
                List<Integer> casFrom = spareCasFrom.get(a);
                if (nextSpare < spareWrites.size() && invoked[spareWrites.get(nextSpare)] < limit) {
                    spare = spareWrites.get(nextSpare++);
                } else if (casFrom != null) {
                    for (int k = 0; k < casFrom.size() && spare < 0; k++) {
                        if (invoked[casFrom.get(k)] < limit) spare = casFrom.remove(k);
                    }
                }
                if (spare < 0) return null;
                insertedAt[end] = spare;
            } else if (invoked[spare] >= limit) {
                return null;
            }
            gapOf[f] = end;
            afterInserted[f] = true;
        }
        // build the whole order: at each gap, the failed compare-and-sets that fit before the
        // inserted call, the inserted call, then those that need it
        // where a crashed call was put, every failed compare-and-set there that allows it goes after
        // it, so that none that must precede another in real time ends up behind it
        for (int f : failed) {
            int spare = insertedAt[gapOf[f]];
            if (spare >= 0 && expected[f] != written[spare] && invoked[spare] < returned[f]) afterInserted[f] = true;
        }
        List<List<Integer>> atGap = new ArrayList<>(java.util.Collections.nCopies(length + 1, null));
        for (int f : failed) {
            if (atGap.get(gapOf[f]) == null) atGap.set(gapOf[f], new ArrayList<>());
            atGap.get(gapOf[f]).add(f);
        }
        int[] full = new int[length + failed.size() + n];
        int k = 0;
        for (int p = 0; p <= length; p++) {
            List<Integer> here = atGap.get(p);
            if (here != null) for (int f : here) if (!afterInserted[f]) full[k++] = f;
            if (insertedAt[p] >= 0) full[k++] = insertedAt[p];
            if (here != null) for (int f : here) if (afterInserted[f]) full[k++] = f;
            if (p < length) full[k++] = order[p];
        }
        return Arrays.copyOf(full, k);
    }

    /** The first gap after which every call completes after {@code invocation}. */
    private static int firstGap(long[] suffixMinRet, long invocation) {
        int lo = 0;
        int hi = suffixMinRet.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (suffixMinRet[mid] > invocation) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** The last gap before which every call was invoked before {@code completion}. */
    private static int lastGap(long[] prefixMaxInv, long completion) {
        int lo = 0;
        int hi = prefixMaxInv.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (prefixMaxInv[mid] < completion) lo = mid;
            else hi = mid - 1;
        }
        return prefixMaxInv[lo] < completion ? lo : -1;
    }

    /**
     * Whether {@code order} is a linearization: every completed call once, each call legal in the
     * state before it, and no call placed after one that began after it completed.
     */
    private boolean verify(int[] order) {
        boolean[] seen = new boolean[n];
        int state = initial;
        long latestInvocation = Long.MIN_VALUE;
        for (int c : order) {
            if (seen[c] || kind[c] == SKIP) return false;
            seen[c] = true;
            long ret = maybe[c] ? NEVER : returned[c];
            if (ret < latestInvocation) return false;
            latestInvocation = Math.max(latestInvocation, invoked[c]);
            switch (kind[c]) {
                case READ -> { if (state != expected[c]) return false; }
                case WRITE -> state = written[c];
                case CAS -> {
                    if (state != expected[c]) return false;
                    state = written[c];
                }
                case CAS_FAILED -> { if (state == expected[c]) return false; }
                default -> { return false; }
            }
        }
        for (int i = 0; i < n; i++) if (!maybe[i] && kind[i] != SKIP && !seen[i]) return false;
        return true;
    }
}
