package raftlab.harness.runner;

import java.util.List;
import java.util.random.RandomGenerator;
import raftlab.harness.client.Completion;
import raftlab.harness.client.KvClient;
import raftlab.harness.generator.Context;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.LabNode;
import raftlab.harness.workload.RegisterWorkload;
import raftlab.history.OpType;

/**
 * One client thread. It asks its generator for operations, records the invocation, performs it
 * through the current process's client, records the completion; after an {@code info} it retires
 * the process and continues under a fresh number ({@code process + concurrency}), as Jepsen does,
 * because the old process may still have an operation in flight.
 */
final class Worker {
    private final int thread;
    private final int concurrency;
    private final List<LabNode> nodes;
    private final boolean independent;
    private final HistoryRecorder recorder;
    private final int timeoutMillis;
    private long process;
    private KvClient client;

    Worker(int thread, int concurrency, List<LabNode> nodes, boolean independent, HistoryRecorder recorder, int timeoutMillis) {
        this.thread = thread;
        this.concurrency = concurrency;
        this.nodes = nodes;
        this.independent = independent;
        this.recorder = recorder;
        this.timeoutMillis = timeoutMillis;
        this.process = thread;
    }

    /** Runs the generator until it is done or {@code stopNanos} (test time) passes. */
    void run(Generator generator, RandomGenerator random, long stopNanos, Object feedback) throws InterruptedException {
        while (true) {
            long now = recorder.now();
            if (now >= stopNanos) return;
            Step step = generator.next(new Context(now, thread, concurrency, random));
            // Java 17 has no pattern switch; the three cases of the sealed Step are handled in turn.
            if (step instanceof Step.Done) return;
            if (step instanceof Step.Wait wait) {
                long until = Math.min(wait.untilNanos(), stopNanos);
                long sleepNanos = until - recorder.now();
                if (sleepNanos > 0) Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } else if (step instanceof Step.Emit emit) {
                perform(emit.op(), feedback);
            }
        }
    }

    /** Performs one operation and records it; returns how it ended. */
    Completion perform(OpSpec op, Object feedback) {
        recorder.record(OpType.INVOKE, process, op.f(), op.value(), null);
        Completion completion = client().invoke(op);
        recorder.record(completion.type(), process, op.f(), completion.value(), completion.error());
        if (feedback instanceof RegisterWorkload.Feedback f) f.observe(op, completion.type() == OpType.OK, completion.readValue());
        if (completion.type() == OpType.INFO) retire();
        return completion;
    }

    private KvClient client() {
        if (client == null) {
            LabNode home = nodes.get((int) (process % nodes.size()));
            java.util.List<LabNode> others = new java.util.ArrayList<>();
            for (int i = 1; i < nodes.size(); i++) others.add(nodes.get((int) ((process + i) % nodes.size())));
            client = new KvClient(home, others, independent, "p" + process, timeoutMillis);
        }
        return client;
    }

    private void retire() {
        if (client != null) client.close();
        client = null;
        process += concurrency;
    }

    long process() { return process; }

    void close() {
        if (client != null) client.close();
        client = null;
    }
}
