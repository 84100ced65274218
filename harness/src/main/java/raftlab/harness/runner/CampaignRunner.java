package raftlab.harness.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.LabControl;
import raftlab.harness.nemesis.Nemesis;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.SchedulePlayer;
import raftlab.harness.schedule.Trigger;
import raftlab.harness.workload.Workload;

/**
 * Runs one campaign against a lab that is up: the main phase (clients and the fault schedule,
 * for the time limit), the final heal, the liveness probe, and each worker's final reads.
 */
public final class CampaignRunner {
    private static final Logger LOG = Logger.getLogger(CampaignRunner.class.getName());
    /** Grace for operations in flight when a phase ends. */
    private static final long JOIN_GRACE_MILLIS = 30_000;

    private final Lab lab;
    private final TestOptions options;
    private final HistoryRecorder recorder;
    private final LabControl control;
    private final Nemesis nemesis;
    private final Schedule schedule;

    /** A runner that plays {@code schedule}, its faults going to {@code control} (a test's recording fake, say). */
    public CampaignRunner(Lab lab, LabControl control, TestOptions options, Schedule schedule, HistoryRecorder recorder) {
        this.lab = lab;
        this.control = control;
        this.options = options;
        this.recorder = recorder;
        this.schedule = schedule;
        this.nemesis = new Nemesis(control, Seeds.stream(options.seed(), 99, -2), recorder);
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
        SchedulePlayer player = new SchedulePlayer(schedule, limit);
        threads.add(start("nemesis", failure, () -> runNemesis(player, mainStop)));
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

    /** How often a real lab is asked who leads, when the schedule has an {@code :on :leader-elected} entry. */
    private static final long ELECTION_POLL_NANOS = 100_000_000L;

    /** Plays the schedule on the wall clock until the time limit; what is still in force then is left to the final heal. */
    private void runNemesis(SchedulePlayer player, long stopNanos) {
        Thread self = Thread.currentThread();
        // Woken on each acknowledged write only when an entry waits for one; otherwise the thread sleeps to its times.
        if (schedule.entries().stream().anyMatch(e -> e.trigger() == Trigger.OK_WRITE)) recorder.onOkWrite(() -> LockSupport.unpark(self));
        // Asked all along, not only while an entry waits: a trigger counts the elections since the entry before it
        // started, such as the one a transfer or a killed leader causes while that entry is in force.
        boolean watchElections = schedule.entries().stream().anyMatch(e -> e.trigger() == Trigger.LEADER_ELECTED);
        ElectionWatch elections = new ElectionWatch(control);
        long nextPoll = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long now = recorder.now();
                if (now >= stopNanos) return;
                if (watchElections && now >= nextPoll) {
                    elections.poll();
                    nextPoll = recorder.now() + ELECTION_POLL_NANOS;
                }
                SchedulePlayer.Action action = player.next(now, recorder.okWriteCount(), elections.count());
                if (action instanceof SchedulePlayer.Done) return;
                if (action instanceof SchedulePlayer.Start start) nemesis.start(start.entry());
                else if (action instanceof SchedulePlayer.Stop stop) nemesis.stop(stop.entry());
                else if (action instanceof SchedulePlayer.Wait wait) {
                    long until = Math.min(wait.untilNanos(), stopNanos);
                    if (watchElections) until = Math.min(until, nextPoll);
                    // An acknowledged write unparks this thread (onOkWrite above), so :after :ok-write fires at once.
                    long park = until - recorder.now();
                    if (park > 0) LockSupport.parkNanos(park);
                }
            }
        } finally {
            recorder.onOkWrite(null);
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
