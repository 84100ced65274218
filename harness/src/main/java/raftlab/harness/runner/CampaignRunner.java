package raftlab.harness.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.generator.Step;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.HostLabControl;
import raftlab.harness.lab.LabControl;
import raftlab.harness.nemesis.Nemesis;
import raftlab.harness.nemesis.NemesisSchedule;
import raftlab.harness.workload.Workload;

/**
 * Runs one campaign against a lab that is up: the main phase (clients and the nemesis schedule,
 * for the time limit), the final heal, the liveness probe, and each worker's final reads.
 */
public final class CampaignRunner {
    private static final Logger LOG = Logger.getLogger(CampaignRunner.class.getName());
    /** Grace for operations in flight when a phase ends. */
    private static final long JOIN_GRACE_MILLIS = 30_000;

    private final Lab lab;
    private final TestOptions options;
    private final HistoryRecorder recorder;
    private final Nemesis nemesis;

    public CampaignRunner(Lab lab, TestOptions options, HistoryRecorder recorder) {
        this(lab, new HostLabControl(lab), options, recorder);
    }

    /** A runner whose faults go to {@code control}, such as a test's recording fake. */
    public CampaignRunner(Lab lab, LabControl control, TestOptions options, HistoryRecorder recorder) {
        this.lab = lab;
        this.options = options;
        this.recorder = recorder;
        this.nemesis = new Nemesis(control, Seeds.stream(options.seed(), 99, -2), recorder, options.partitionShapes());
    }

    /** What is in force now, for the status line. */
    public String faultsInForce() { return nemesis.inForce(); }

    public RunRecord run() throws InterruptedException {
        long began = System.nanoTime();
        List<LabNode> nodes = lab.nodes();
        int c = options.concurrency();
        Workload workload = Workload.byName(options.workload(), c);
        int timeoutMillis = (int) options.opTimeout().toMillis();
        long limit = options.timeLimit().toNanos();

        List<Worker> workers = new ArrayList<>();
        List<Generator> mainOps = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            workers.add(new Worker(t, c, nodes, recorder, timeoutMillis));
            mainOps.add(workload.clientOps().forThread(t));
        }

        // Main phase.
        long mainStop = recorder.now() + limit;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            int thread = t;
            Generator paced = Generators.timeLimit(limit, Generators.rate(options.rate(), mainOps.get(t)));
            threads.add(start("worker-" + t, failure, () -> workers.get(thread).run(paced, Seeds.stream(options.seed(), 1, thread),
                    mainStop + JOIN_GRACE_MILLIS * 1_000_000L, recorder)));
        }
        Generator schedule = Generators.timeLimit(limit, NemesisSchedule.forTest(options.nemeses(), options.nemesisInterval(), options.timeLimit()));
        threads.add(start("nemesis", failure, () -> runNemesis(schedule, mainStop)));
        for (Thread thread : threads) thread.join();
        if (failure.get() != null) throw new IllegalStateException("a worker crashed: " + failure.get(), failure.get());

        // Final heal: every fault undone, so that recovery is judged.
        nemesis.healAll();

        // Liveness, then the final reads of every worker.
        Liveness liveness = LivenessProbe.run(nodes, workload.independent(), recorder, 10_000_000, options.livenessBound().toNanos(), timeoutMillis);
        long finalStop = recorder.now() + 2 * options.opTimeout().toNanos() + 10_000_000_000L;
        threads.clear();
        for (int t = 0; t < c; t++) {
            int thread = t;
            Generator reads = workload.finalReads().after(thread, mainOps.get(thread));
            threads.add(start("final-" + t, failure, () -> workers.get(thread).run(reads, Seeds.stream(options.seed(), 3, thread), finalStop, recorder)));
        }
        for (Thread thread : threads) thread.join();
        workers.forEach(Worker::close);
        if (failure.get() != null) throw new IllegalStateException("a worker crashed: " + failure.get(), failure.get());
        return new RunRecord(recorder.snapshot(), liveness, nemesis.windows(), System.nanoTime() - began);
    }

    private void runNemesis(Generator schedule, long stopNanos) throws InterruptedException {
        var random = Seeds.stream(options.seed(), 1, -1);
        while (true) {
            long now = recorder.now();
            if (now >= stopNanos) return;
            Step step = schedule.next(new raftlab.harness.generator.Context(now, -1, options.concurrency(), random));
            if (step instanceof Step.Done) return;
            if (step instanceof Step.Wait wait) {
                long sleepNanos = Math.min(wait.untilNanos(), stopNanos) - recorder.now();
                if (sleepNanos > 0) Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
            } else if (step instanceof Step.Emit emit) {
                nemesis.apply(emit.op());
            }
        }
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    private static Thread start(String name, AtomicReference<Throwable> failure, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                LOG.log(Level.SEVERE, name + " crashed", t);
                failure.compareAndSet(null, t);
            }
        }, name);
        thread.start();
        return thread;
    }
}
