package raftlab.harness.runner;

import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import raftlab.harness.client.Client;
import raftlab.harness.client.Completion;
import raftlab.harness.generator.Context;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;
import raftlab.harness.history.HistoryRecorder;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * One client thread as Jepsen runs it, the same in every lab: it asks its generator for a step, records
 * the invocation, has the current process's client perform it, records the completion with the node
 * that answered, tells the generator, and after an {@code info} retires the process and goes on under a
 * fresh number ({@code process + concurrency}), because the old process may still have an operation in
 * flight. Only the waiting differs between labs: a real lab's worker sleeps, the simulator schedules.
 */
public final class ClientThread {
    private final int thread;
    private final int concurrency;
    private final HistoryRecorder recorder;
    private final LongFunction<Client> clients;
    private long process;
    private Client client;

    /** {@code clients} opens the client of a process number; a retired process's client is closed. */
    public ClientThread(int thread, int concurrency, HistoryRecorder recorder, LongFunction<Client> clients) {
        this.thread = thread;
        this.concurrency = concurrency;
        this.recorder = recorder;
        this.clients = clients;
        this.process = thread;
    }

    /**
     * Asks {@code generator} what to do now; an operation it emits is invoked at once, and {@code after} hears
     * of its recorded completion (at once in a real lab, later in the simulator) after the generator did.
     */
    public Step step(Generator generator, RandomGenerator random, BiConsumer<OpSpec, Op> after) {
        Context context = new Context(recorder.now(), thread, concurrency, random);
        Step step = generator.next(context);
        if (step instanceof Step.Emit emit) {
            OpSpec op = emit.op();
            perform(op, (done) -> {
                generator.update(new Context(recorder.now(), thread, concurrency, random), done);
                after.accept(op, done);
            });
        }
        return step;
    }

    /** Performs one operation outside any generator (the liveness probe); {@code after} hears of its completion. */
    public void perform(OpSpec op, java.util.function.Consumer<Op> after) {
        long invoker = process;
        recorder.record(OpType.INVOKE, invoker, op.f(), op.value(), null);
        client().invoke(op, (Completion c) -> {
            Op done = recorder.record(c.type(), invoker, op.f(), c.value(), c.error(), c.node());
            if (c.type() == OpType.INFO) retire();
            after.accept(done);
        });
    }

    private Client client() {
        if (client == null) client = clients.apply(process);
        return client;
    }

    private void retire() {
        close();
        process += concurrency;
    }

    public long process() { return process; }

    public int thread() { return thread; }

    public void close() {
        if (client != null) client.close();
        client = null;
    }
}
