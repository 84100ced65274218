package raftlab.harness.workload;

import java.util.List;
import raftlab.harness.generator.Context;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * Many independent registers (Jepsen's {@code independent}): workers are grouped, each group works
 * on one key for a few operations and then moves to a fresh key, so every key has a short,
 * concurrent history the checker can search quickly. Values are {@code [key v]} tuples.
 */
public final class RegistersWorkload {
    /** Operations each worker performs on a key before moving on. */
    static final int OPS_PER_KEY = 20;

    private RegistersWorkload() {}

    static Workload create(int concurrency) {
        int groupSize = Math.min(5, Math.max(1, concurrency));
        int groups = Math.max(1, (concurrency + groupSize - 1) / groupSize);
        Generators.PerThread ops = Generators.perThread(thread -> new Ops(thread, thread / groupSize, groups));
        // Final reads: each worker reads the key it worked on last and the one before, so recovery is judged on several keys.
        Workload.FinalReads finals = (thread, main) -> new FinalReads(((Ops) main).key(), groups);
        return new Workload("registers", ops, finals, true);
    }

    static final class Ops implements Generator {
        private final int thread;
        private final int group;
        private final int groups;
        private ValueSource values;
        private long done;
        private long round;
        private final RecentValues recent = new RecentValues();

        Ops(int thread, int group, int groups) {
            this.thread = thread;
            this.group = group;
            this.groups = groups;
        }

        long key() { return group + round * groups; }

        @Override public Step next(Context context) {
            if (values == null) values = new ValueSource(thread, context.concurrency());
            if (done > 0 && done % OPS_PER_KEY == 0) {
                round = done / OPS_PER_KEY;
            }
            done++;
            long key = key();
            int roll = context.random().nextInt(10);
            if (roll < 4) return new Step.Emit(OpSpec.keyed("read", key, null));
            if (roll < 8 || recent.isEmpty()) return new Step.Emit(OpSpec.keyed("write", key, values.next()));
            return new Step.Emit(OpSpec.keyed("cas", key, List.of(recent.pick(context.random()), values.next())));
        }

        @Override public void update(Context context, Op completion) {
            if (completion.type() != OpType.OK || !(completion.value() instanceof List<?> tuple)) return;
            if (!Long.valueOf(key()).equals(tuple.get(0))) return;
            recent.learn(completion.f(), tuple.get(1));
        }
    }

    /** Reads the worker's last key and its group's previous key. */
    static final class FinalReads implements Generator {
        private final long lastKey;
        private final int groups;
        private int given;

        FinalReads(long lastKey, int groups) {
            this.lastKey = lastKey;
            this.groups = groups;
        }

        @Override public Step next(Context context) {
            if (given >= 2 || lastKey - (long) given * groups < 0) return Step.DONE;
            long key = lastKey - (long) given * groups;
            given++;
            return new Step.Emit(OpSpec.keyed("read", key, null));
        }
    }
}
