package raftlab.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.partition.PartitionShape;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.ScheduleDraw;
import raftlab.raft.Bugs;
import raftlab.raft.ReadMode;

/**
 * Everything that decides a simulated run. Same options (seed included): the same run, event for event.
 * Times are microseconds of virtual time.
 *
 * @param seed                  drives every random choice of the run
 * @param nodeCount             3..101 Raft servers, named n1..nN
 * @param timeLimitMicros       how long clients run and faults are injected; a heal phase follows
 * @param rate                  client operations per simulated second, over all clients
 * @param concurrency           client processes at any time (a process that got :info is replaced by a new one)
 * @param workload              register or registers
 * @param keyCount              keys of the registers workload
 * @param scenario              the named fault schedule
 * @param faults                network faults and the random nemesis (a scenario adds its own schedule on top)
 * @param nemesisIntervalMicros mean time between two nemesis actions
 * @param healBoundMicros       after healing, a write must commit within this bound (liveness), or the run fails
 * @param opTimeoutMicros       a client gives up on a request after this long (the operation is :info)
 * @param bugs                  deliberate faults in the Raft core (invariants that fire under them are counted apart)
 * @param readMode              how leaders serve reads
 * @param snapshotEveryEntries  each node snapshots and compacts its log after this many applied entries (small, so that
 *                              runs exercise compaction and InstallSnapshot)
 * @param keepGoing             run to the end after an invariant violation (for bug-switch labs, where the checker should
 *                              see what the bug does to clients); by default the first violation stops the run
 * @param explain               narrate decisions (votes, commits, elections) through {@link SimListener#explain}
 * @param traceFile             write the event trace as JSONL here (null: no file)
 * @param traceDigest           compute a SHA-256 of the event trace into {@link SimResult#traceDigest} (replay tests)
 * @param schedule              the fault schedule to play; null: the one the seed draws for {@code faults}
 *                              ({@link #drawnSchedule})
 */
public record SimOptions(long seed, int nodeCount, long timeLimitMicros, double rate, int concurrency,
                         Workload workload, int keyCount, Scenario scenario, Faults faults,
                         long nemesisIntervalMicros, long healBoundMicros, long opTimeoutMicros,
                         Bugs bugs, ReadMode readMode, long snapshotEveryEntries, boolean keepGoing, boolean explain, Path traceFile,
                         boolean traceDigest, Schedule schedule) {

    public static final int MIN_NODES = 3;
    public static final int MAX_NODES = 101;

    public SimOptions {
        if (nodeCount < MIN_NODES || nodeCount > MAX_NODES) throw new IllegalArgumentException("node count must be 3..101, not " + nodeCount);
        if (timeLimitMicros <= 0) throw new IllegalArgumentException("time limit must be positive");
        if (!(rate > 0) || rate > 1_000_000) throw new IllegalArgumentException("rate must be in (0, 1000000] operations per second");
        if (concurrency < 1 || concurrency > 1000) throw new IllegalArgumentException("concurrency must be 1..1000");
        if (snapshotEveryEntries < 1) throw new IllegalArgumentException("snapshot interval must be at least one entry");
        if (keyCount < 1) throw new IllegalArgumentException("key count must be at least 1");
        if (nemesisIntervalMicros <= 0 || healBoundMicros <= 0 || opTimeoutMicros <= 0) throw new IllegalArgumentException("intervals must be positive");
        if (workload == null || scenario == null || faults == null || bugs == null || readMode == null) throw new IllegalArgumentException("options must not be null");
    }

    /** Five nodes, ten seconds, 200 operations per second, five clients, the register workload, no faults. */
    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed; b.nodeCount = nodeCount; b.timeLimitMicros = timeLimitMicros; b.rate = rate; b.concurrency = concurrency;
        b.workload = workload; b.keyCount = keyCount; b.scenario = scenario; b.faults = faults;
        b.nemesisIntervalMicros = nemesisIntervalMicros; b.healBoundMicros = healBoundMicros; b.opTimeoutMicros = opTimeoutMicros;
        b.bugs = bugs; b.readMode = readMode; b.snapshotEveryEntries = snapshotEveryEntries; b.keepGoing = keepGoing; b.explain = explain; b.traceFile = traceFile; b.traceDigest = traceDigest; b.schedule = schedule;
        return b;
    }

    /** The schedule the run plays: the one given, else the one its seed draws. */
    public Schedule playedSchedule() { return schedule != null ? schedule : drawnSchedule(); }

    /**
     * The schedule this seed draws for {@code faults}, as a real lab's runner draws it for the same faults (in
     * FaultKind's order), interval and time limit, with every named partition shape.
     */
    public Schedule drawnSchedule() {
        java.time.Duration limit = java.time.Duration.ofNanos(timeLimitMicros * 1000);
        java.time.Duration interval = ScheduleDraw.effectiveInterval(java.time.Duration.ofNanos(nemesisIntervalMicros * 1000), limit);
        return ScheduleDraw.draw(faults.nemesisKinds(), PartitionShape.NAMED, interval, limit, nodeCount,
                raftlab.harness.runner.Seeds.stream(seed, 1, -1));
    }

    /** The faults a scenario starts from, before explicit fault options change them. */
    public static Faults baseFaults(Scenario scenario) {
        return scenario == Scenario.RANDOM ? Faults.RANDOM : Faults.NONE;
    }

    /** The {@code raftlab sim} arguments that reproduce this run (trace and explain left out). */
    public String commandLine() {
        List<String> a = new ArrayList<>();
        a.add("--seed " + seedText(seed));
        a.add("--node-count " + nodeCount);
        a.add("--time-limit " + Durations.format(timeLimitMicros));
        Builder d = builder();
        if (rate != d.rate) a.add("--rate " + trimDouble(rate));
        if (concurrency != d.concurrency) a.add("--concurrency " + concurrency);
        if (workload != d.workload) a.add("--workload " + workload.cliName());
        if (keyCount != d.keyCount) a.add("--keys " + keyCount);
        if (scenario != Scenario.NONE) a.add("--scenario " + scenario.cliName());
        Faults base = baseFaults(scenario);
        if (faults.dropProbability() != base.dropProbability()) a.add("--drop " + trimDouble(faults.dropProbability()));
        if (faults.duplicateProbability() != base.duplicateProbability()) a.add("--duplicate " + trimDouble(faults.duplicateProbability()));
        if (faults.delayMicros() != base.delayMicros()) a.add("--delay " + Durations.format(faults.delayMicros()));
        if (faults.jitterMicros() != base.jitterMicros()) a.add("--jitter " + Durations.format(faults.jitterMicros()));
        flag(a, "--reorder", faults.reorder(), base.reorder());
        flag(a, "--partition", faults.partitions(), base.partitions());
        flag(a, "--crash", faults.crashes(), base.crashes());
        flag(a, "--pause", faults.pauses(), base.pauses());
        flag(a, "--clock-drift", faults.clockDrift(), base.clockDrift());
        flag(a, "--clock-bump", faults.clockBumps(), base.clockBumps());
        flag(a, "--transfer", faults.transfers(), base.transfers());
        flag(a, "--clock-partition", faults.clockPartitions(), base.clockPartitions());
        if (nemesisIntervalMicros != d.nemesisIntervalMicros) a.add("--nemesis-interval " + Durations.format(nemesisIntervalMicros));
        if (healBoundMicros != d.healBoundMicros) a.add("--heal-bound " + Durations.format(healBoundMicros));
        if (opTimeoutMicros != d.opTimeoutMicros) a.add("--op-timeout " + Durations.format(opTimeoutMicros));
        if (readMode == ReadMode.LEASE) a.add("--lease-reads");
        if (snapshotEveryEntries != d.snapshotEveryEntries) a.add("--snapshot-every " + snapshotEveryEntries);
        if (keepGoing) a.add("--keep-going");
        a.addAll(bugs.flags());
        // A schedule given rather than drawn is not in the flags: it is the run's schedule.edn.
        if (schedule != null) a.add("--schedule schedule.edn");
        return String.join(" ", a);
    }

    public static String seedText(long seed) { return "0x" + Long.toHexString(seed); }

    private static void flag(List<String> a, String name, boolean value, boolean base) {
        if (value != base) a.add(value ? name : name + "=false");
    }

    private static String trimDouble(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Mutable defaults for building options; {@link #build} validates. */
    public static final class Builder {
        private long seed = 1;
        private int nodeCount = 5;
        private long timeLimitMicros = 10_000_000;
        private double rate = 200;
        private int concurrency = 5;
        private Workload workload = Workload.REGISTER;
        private int keyCount = 8;
        private Scenario scenario = Scenario.NONE;
        private Faults faults = Faults.NONE;
        private long nemesisIntervalMicros = 1_000_000;
        private long healBoundMicros = 10_000_000;
        private long opTimeoutMicros = 1_000_000;
        private Bugs bugs = Bugs.NONE;
        private ReadMode readMode = ReadMode.READ_INDEX;
        private long snapshotEveryEntries = 500;
        private boolean keepGoing;
        private boolean explain;
        private Path traceFile;
        private boolean traceDigest;
        private Schedule schedule;

        public Builder seed(long v) { seed = v; return this; }
        public Builder nodeCount(int v) { nodeCount = v; return this; }
        public Builder timeLimitMicros(long v) { timeLimitMicros = v; return this; }
        public Builder rate(double v) { rate = v; return this; }
        public Builder concurrency(int v) { concurrency = v; return this; }
        public Builder workload(Workload v) { workload = v; return this; }
        public Builder keyCount(int v) { keyCount = v; return this; }
        /** Sets the scenario and resets the faults to that scenario's base faults. */
        public Builder scenario(Scenario v) { scenario = v; faults = baseFaults(v); return this; }
        public Builder faults(Faults v) { faults = v; return this; }
        public Builder nemesisIntervalMicros(long v) { nemesisIntervalMicros = v; return this; }
        public Builder healBoundMicros(long v) { healBoundMicros = v; return this; }
        public Builder opTimeoutMicros(long v) { opTimeoutMicros = v; return this; }
        public Builder bugs(Bugs v) { bugs = v; return this; }
        public Builder readMode(ReadMode v) { readMode = v; return this; }
        public Builder snapshotEveryEntries(long v) { snapshotEveryEntries = v; return this; }
        public Builder keepGoing(boolean v) { keepGoing = v; return this; }
        public Builder explain(boolean v) { explain = v; return this; }
        public Builder traceFile(Path v) { traceFile = v; return this; }
        public Builder traceDigest(boolean v) { traceDigest = v; return this; }
        public Builder schedule(Schedule v) { schedule = v; return this; }
        public Faults faults() { return faults; }

        public SimOptions build() {
            return new SimOptions(seed, nodeCount, timeLimitMicros, rate, concurrency, workload, keyCount, scenario, faults,
                    nemesisIntervalMicros, healBoundMicros, opTimeoutMicros, bugs, readMode, snapshotEveryEntries, keepGoing, explain, traceFile,
                    traceDigest, schedule);
        }
    }
}
