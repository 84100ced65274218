package raftlab.harness.workload;

import java.util.List;
import raftlab.harness.generator.Context;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;

/**
 * One register: reads, writes of unique values, and compare-and-set from a value this worker
 * recently read or wrote. The worker's client calls {@link Feedback#observe} with what it learnt.
 */
public final class RegisterWorkload {
    /** The key every operation touches. */
    public static final String KEY = "r";

    private RegisterWorkload() {}

    static Workload create() {
        Generators.PerThread ops = Generators.perThread(thread -> new Ops(thread));
        Workload.FinalReads finals = (thread, main) -> Generators.once(new OpSpec("read", null));
        return new Workload("register", ops, finals, false);
    }

    /** What a worker's generator learns from completions, for its next compare-and-set. */
    public interface Feedback {
        void observe(OpSpec op, boolean ok, Object readValue);
    }

    static final class Ops implements Generator, Feedback {
        private final int thread;
        private ValueSource values;
        private final RecentValues recent = new RecentValues();

        Ops(int thread) { this.thread = thread; }

        @Override public Step next(Context context) {
            if (values == null) values = new ValueSource(thread, context.concurrency());
            int roll = context.random().nextInt(10);
            // About 40% reads, 40% writes, 20% compare-and-set: enough writes to make reads interesting.
            if (roll < 4) return new Step.Emit(new OpSpec("read", null));
            if (roll < 8 || recent.isEmpty()) {
                long v = values.next();
                return new Step.Emit(new OpSpec("write", v));
            }
            return new Step.Emit(new OpSpec("cas", List.of(recent.pick(context.random()), values.next())));
        }

        @Override public void observe(OpSpec op, boolean ok, Object readValue) {
            if (!ok) return;
            switch (op.f()) {
                case "read" -> { if (readValue instanceof Long v) recent.remember(v); }
                case "write" -> recent.remember((Long) op.value());
                case "cas" -> recent.remember((Long) ((List<?>) op.value()).get(1));
                default -> { }
            }
        }
    }
}
