package raftlab.harness.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabNode;
import raftlab.harness.nemesis.NemesisExecutor;
import raftlab.harness.nemesis.NemesisSchedule;
import raftlab.harness.workload.Workload;
import raftlab.history.Op;
import raftlab.history.OpType;

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
    private final NemesisExecutor nemesis;
    private final List<RunRecord.FaultWindow> windows = new ArrayList<>();

    public CampaignRunner(Lab lab, TestOptions options, HistoryRecorder recorder) {
        this.lab = lab;
        this.options = options;
        this.recorder = recorder;
        this.nemesis = new NemesisExecutor(lab, Seeds.stream(options.seed(), 99, -2), options.partitionShapes());
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
            workers.add(new Worker(t, c, nodes, workload.independent(), recorder, timeoutMillis));
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
                    mainStop + JOIN_GRACE_MILLIS * 1_000_000L, mainOps.get(thread))));
        }
        Generator schedule = Generators.timeLimit(limit, new NemesisSchedule(options.nemeses(), options.nemesisInterval().toNanos()));
        threads.add(start("nemesis", failure, () -> runNemesis(schedule, mainStop)));
        for (Thread thread : threads) thread.join();
        if (failure.get() != null) throw new IllegalStateException("a worker crashed: " + failure.get(), failure.get());

        // Final heal: every fault undone, so that recovery is judged.
        nemesisOp("heal", nemesis::healAll);
        closeOpenWindows();

        // Liveness, then the final reads of every worker.
        Liveness liveness = LivenessProbe.run(nodes, workload.independent(), recorder, 10_000_000, options.livenessBound().toNanos(), timeoutMillis);
        long finalStop = recorder.now() + 2 * options.opTimeout().toNanos() + 10_000_000_000L;
        threads.clear();
        for (int t = 0; t < c; t++) {
            int thread = t;
            Generator reads = workload.finalReads().after(thread, mainOps.get(thread));
            threads.add(start("final-" + t, failure, () -> workers.get(thread).run(reads, Seeds.stream(options.seed(), 3, thread), finalStop, null)));
        }
        for (Thread thread : threads) thread.join();
        workers.forEach(Worker::close);
        if (failure.get() != null) throw new IllegalStateException("a worker crashed: " + failure.get(), failure.get());
        return new RunRecord(recorder.snapshot(), liveness, List.copyOf(windows), System.nanoTime() - began);
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
                applyFault(emit.op());
            }
        }
    }

    private void applyFault(OpSpec op) {
        String f = op.f();
        nemesisOp(f, () -> nemesis.apply(f));
        String kind = f.substring(f.indexOf('-') + 1);
        synchronized (windows) {
            if (f.startsWith("start-")) windows.add(new RunRecord.FaultWindow(kind, recorder.now(), -1));
            else closeWindow(kind);
        }
    }

    /** Records a nemesis operation as Jepsen does: an info invocation, then an info completion with what was done. */
    private void nemesisOp(String f, java.util.function.Supplier<Object> action) {
        recorder.record(OpType.INFO, Op.NEMESIS, f, null, null);
        Object done;
        String error = null;
        try {
            done = action.get();
        } catch (RuntimeException e) {
            // A fault that could not be injected is recorded and logged; the test goes on, as Jepsen's does.
            LOG.log(Level.WARNING, "nemesis " + f + " failed: " + e.getMessage(), e);
            done = e.getMessage();
            error = "nemesis-failed";
        }
        recorder.record(OpType.INFO, Op.NEMESIS, f, toHistoryValue(done), error);
    }

    /** Nemesis values go into the history as strings or vectors of strings. */
    private static Object toHistoryValue(Object done) {
        if (done == null) return null;
        if (done instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        return String.valueOf(done);
    }

    private void closeWindow(String kind) {
        for (int i = windows.size() - 1; i >= 0; i--) {
            RunRecord.FaultWindow w = windows.get(i);
            if (w.kind().equals(kind) && w.endNanos() < 0) {
                windows.set(i, new RunRecord.FaultWindow(kind, w.startNanos(), recorder.now()));
                return;
            }
        }
    }

    private void closeOpenWindows() {
        synchronized (windows) {
            for (int i = 0; i < windows.size(); i++) {
                RunRecord.FaultWindow w = windows.get(i);
                if (w.endNanos() < 0) windows.set(i, new RunRecord.FaultWindow(w.kind(), w.startNanos(), recorder.now()));
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
