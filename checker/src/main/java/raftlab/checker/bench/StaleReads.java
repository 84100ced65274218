package raftlab.checker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * Plants one stale read in a history of a real register: an ok read is made to return the value of a write that
 * completed before another write began, which itself completed before the read began, so that no linearization can
 * let the read see it. The register bench and the checker's property tests plant it the same way.
 */
public final class StaleReads {
    private StaleReads() {}

    /**
     * Tries the ok reads from a random position in the second half of the history onward (late, so that the search has
     * most of the history behind it). Returns the planted read's index, or -1 when no read there can be made stale.
     */
    public static long plantLate(List<Op> history, SplittableRandom random) {
        int from = history.size() / 2 + random.nextInt(Math.max(1, history.size() / 4));
        for (int at = from; at < history.size(); at++) {
            if (plantAt(history, at)) return history.get(at).index();
        }
        return -1;
    }

    /** Tries the ok reads in a random order. Returns the planted read's position, or -1 when none can be made stale. */
    public static int plantAnywhere(List<Op> history, SplittableRandom random) {
        List<Integer> reads = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) if (isOk(history.get(i), "read")) reads.add(i);
        while (!reads.isEmpty()) {
            int at = reads.remove(random.nextInt(reads.size()));
            if (plantAt(history, at)) return at;
        }
        return -1;
    }

    /**
     * Makes the ok read at {@code position} stale: the latest ok write that completed before the read began is the
     * second write; the first is the latest ok write before the second began whose value the read did not return.
     * False, with nothing changed, when the operation there is not an ok read or no such pair of writes precedes it.
     */
    static boolean plantAt(List<Op> history, int position) {
        Op read = history.get(position);
        if (!isOk(read, "read")) return false;
        int second = latestOkWriteBefore(history, invocationOf(history, position));
        if (second < 0) return false;
        for (int first = invocationOf(history, second) - 1; first >= 0; first--) {
            Op write = history.get(first);
            if (isOk(write, "write") && !write.value().equals(read.value())) {
                history.set(position, read.withValue(write.value()));
                return true;
            }
        }
        return false;
    }

    private static boolean isOk(Op op, String f) { return op.type() == OpType.OK && op.f().equals(f); }

    private static int latestOkWriteBefore(List<Op> history, int position) {
        for (int i = position - 1; i >= 0; i--) if (isOk(history.get(i), "write")) return i;
        return -1;
    }

    private static int invocationOf(List<Op> history, int completion) {
        long process = history.get(completion).process();
        for (int i = completion - 1; i >= 0; i--) {
            if (history.get(i).process() == process && history.get(i).type() == OpType.INVOKE) return i;
        }
        throw new IllegalStateException("a completion without an invocation at " + completion);
    }
}
