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
 * One register ({@code r}): reads, writes of unique values, and compare-and-set from a value this
 * thread recently read or wrote, which it learns from the completions it is told of.
 */
public final class RegisterWorkload {
    private RegisterWorkload() {}

    static Workload create() {
        Generators.PerThread ops = Generators.perThread(thread -> new Ops(thread));
        Workload.FinalReads finals = (thread, main) -> Generators.once(OpSpec.register("read", null));
        return new Workload("register", ops, finals, false);
    }

    static final class Ops implements Generator {
        private final int thread;
        private ValueSource values;
        private final RecentValues recent = new RecentValues();

        Ops(int thread) { this.thread = thread; }

        @Override public Step next(Context context) {
            if (values == null) values = new ValueSource(thread, context.concurrency());
            int roll = context.random().nextInt(10);
            // About 40% reads, 40% writes, 20% compare-and-set: enough writes to make reads interesting.
            if (roll < 4) return new Step.Emit(OpSpec.register("read", null));
            if (roll < 8 || recent.isEmpty()) {
                long v = values.next();
                return new Step.Emit(OpSpec.register("write", v));
            }
            return new Step.Emit(OpSpec.register("cas", List.of(recent.pick(context.random()), values.next())));
        }

        @Override public void update(Context context, Op completion) {
            if (completion.type() == OpType.OK) recent.learn(completion.f(), completion.value());
        }
    }
}
