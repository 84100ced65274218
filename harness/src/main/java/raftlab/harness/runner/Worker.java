package raftlab.harness.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import raftlab.harness.client.KvClient;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.LabNode;
import raftlab.history.Op;

/**
 * One client thread of a real lab: a {@link ClientThread} whose network client answers before it
 * returns, and which sleeps on the wall clock when its generator says wait.
 */
final class Worker {
    private final ClientThread thread;

    Worker(int thread, int concurrency, List<LabNode> nodes, HistoryRecorder recorder, int timeoutMillis) {
        this(thread, concurrency, recorder, process -> client(nodes, process, timeoutMillis));
    }

    /** A worker with another kind of client, such as a test's. */
    Worker(int thread, int concurrency, HistoryRecorder recorder, java.util.function.LongFunction<raftlab.harness.client.Client> clients) {
        this.thread = new ClientThread(thread, concurrency, recorder, clients);
    }

    /** Process {@code p}'s client: home node {@code p mod n}, the others in turn when a connection is refused. */
    static KvClient client(List<LabNode> nodes, long process, int timeoutMillis) {
        LabNode home = nodes.get((int) (process % nodes.size()));
        List<LabNode> others = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) others.add(nodes.get((int) ((process + i) % nodes.size())));
        return new KvClient(home, others, "p" + process, timeoutMillis);
    }

    /** Runs the generator until it is done or {@code stopNanos} (test time) passes. */
    void run(Generator generator, RandomGenerator random, long stopNanos, HistoryRecorder recorder) throws InterruptedException {
        while (true) {
            long now = recorder.now();
            if (now >= stopNanos) return;
            Step step = thread.step(generator, random, (op, done) -> { });
            if (step instanceof Step.Done) return;
            if (step instanceof Step.Wait wait) {
                long until = Math.min(wait.untilNanos(), stopNanos);
                long sleepNanos = until - recorder.now();
                if (sleepNanos > 0) Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            }
        }
    }

    /** Performs one operation and records it; returns its recorded completion. */
    Op perform(OpSpec op) {
        Op[] done = new Op[1];
        thread.perform(op, c -> done[0] = c);
        return done[0];
    }

    void close() { thread.close(); }
}
