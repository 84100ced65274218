package raftlab.sim.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftlab.conventions.ExitCodes;
import raftlab.node.cli.BugOptions;
import raftlab.raft.ReadMode;
import raftlab.sim.Durations;
import raftlab.sim.Faults;
import raftlab.sim.Scenario;
import raftlab.sim.SimOptions;
import raftlab.sim.Workload;

/** {@code raftlab sim}: Raft cores in one process, in virtual time, with faults from a seed. */
@Command(name = "sim", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = BugOptions.Transformer.class,
        description = {"Runs the Raft core in the deterministic simulator: a seeded fault schedule, simulated clients, "
                + "invariants checked as it runs. The same seed and options replay the same run, event for event.",
                "Exit 0: nothing violated; 1: an invariant was violated or the history is not linearizable; 2: verdict unknown; 254: bad options."})
public final class SimCommand implements Callable<Integer>, BugOptions.Holder {
    @Spec CommandSpec spec;

    @Option(names = "--node-count", paramLabel = "N", description = "Raft servers, 3..101 (default 5).") String nodeCount = "5";
    @Option(names = "--seed", paramLabel = "S", description = "Seed, decimal or 0x hexadecimal (default 1).") String seed = "1";
    @Option(names = "--seeds", paramLabel = "A..B", description = "Run every seed of this range and summarise.") String seeds;
    @Option(names = "--jobs", paramLabel = "N", description = "With --seeds: runs in parallel (default 1).") String jobs = "1";
    @Option(names = "--time-limit", paramLabel = "DURATION", description = "Fault and workload phase, e.g. 500ms, 10s, 2m (default 10s); a heal phase follows.") String timeLimit = "10s";
    @Option(names = "--rate", paramLabel = "OPS", description = "Client operations per simulated second (default 200).") String rate = "200";
    @Option(names = "--concurrency", paramLabel = "N", description = "Client processes (default 5).") String concurrency = "5";
    @Option(names = "--workload", paramLabel = "NAME", description = "register (default) or registers.") String workload = "register";
    @Option(names = "--keys", paramLabel = "N", description = "Accepted for older command lines and ignored: the registers workload is the real labs' (five threads to a key, a fresh key every 20 operations).") String keys = "8";
    @Option(names = "--scenario", paramLabel = "NAME", description = "none, leader-failure, rolling-restarts, split-brain, flapping-partition, figure-8 (5 nodes), double-vote (3 nodes) or random.") String scenario = "none";
    @Option(names = "--drop", paramLabel = "P", description = "Probability that a message is lost.") String drop;
    @Option(names = "--duplicate", paramLabel = "P", description = "Probability that a message is delivered twice.") String duplicate;
    @Option(names = "--delay", paramLabel = "DURATION", description = "One-way network latency (default 1ms).") String delay;
    @Option(names = "--jitter", paramLabel = "DURATION", description = "Extra random latency, uniform below this (default 1ms).") String jitter;
    @Option(names = "--reorder", arity = "0..1", description = "Messages between two nodes may overtake each other.") Boolean reorder;
    @Option(names = "--partition", arity = "0..1", description = "The nemesis partitions the network (halves, one node, bridge, ring).") Boolean partition;
    @Option(names = "--crash", arity = "0..1", description = "The nemesis kills and restarts nodes (unsynced writes are lost).") Boolean crash;
    @Option(names = "--pause", arity = "0..1", description = "The nemesis pauses and resumes nodes.") Boolean pause;
    @Option(names = "--clock-drift", arity = "0..1", description = "Clock offsets and rates per node, within the bound lease reads assume.") Boolean clockDrift;
    @Option(names = "--clock-bump", arity = "0..1", description = "The nemesis bumps or strobes a node's wall clock by up to five minutes.") Boolean clockBump;
    @Option(names = "--clock-partition", arity = "0..1", description = "The nemesis steps the leader's wall clock back, cuts the leader off, and steps it back again.") Boolean clockPartition;
    @Option(names = "--transfer", arity = "0..1", description = "The nemesis asks the leader to transfer leadership (TimeoutNow).") Boolean transfer;
    @Option(names = "--nemesis-interval", paramLabel = "DURATION", description = "Mean time between nemesis actions (default 1s).") String nemesisInterval = "1s";
    @Option(names = "--heal-bound", paramLabel = "DURATION", description = "After the heal, a write must commit within this (default 10s).") String healBound = "10s";
    @Option(names = "--op-timeout", paramLabel = "DURATION", description = "A client gives up on a request after this (default 1s).") String opTimeout = "1s";
    @Option(names = "--snapshot-every", paramLabel = "N", description = "Snapshot and compact the log after this many applied entries (default 500).") String snapshotEvery = "500";
    @Option(names = "--lease-reads", description = "Leaders serve reads from a lease instead of ReadIndex.") boolean leaseReads;
    @Option(names = "--keep-going", description = "Run to the end after an invariant violation, so the checker sees what a bug does.") boolean keepGoing;
    @Option(names = "--explain", description = "Narrate each decision (votes, commits, elections) with its reason.") boolean explain;
    @Option(names = "--schedule", paramLabel = "FILE", description = "Play this fault schedule (a run's schedule.edn) instead of the one the seed draws for the nemesis flags.") Path schedule;
    @Option(names = "--trace", paramLabel = "FILE", description = "Write the event trace as JSON lines.") Path trace;
    @Option(names = "--out", paramLabel = "DIR", description = "Write history.edn and history.jsonl here (with --seeds: of each failing seed, in DIR/seed-0x...).") Path out;
    @Option(names = "--bench", description = "Measure simulated events per second (5 and 101 nodes) and print a table and a JSON line.") boolean bench;
    final BugOptions bugOptions = new BugOptions();

    @Override public BugOptions bugOptions() { return bugOptions; }

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        SimOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage() + "; see raftlab sim --help");
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        }
        try {
            if (bench) return Bench.run(stdout);
            if (seeds != null) {
                // Narration and a trace are of one run; with many seeds they would be dropped without a word.
                if (explain) throw new IllegalArgumentException("--explain narrates one run; give --seed S instead of --seeds, such as a seed the summary names");
                if (trace != null) throw new IllegalArgumentException("--trace records one run; give --seed S instead of --seeds");
                long[] range = Seeds.range(seeds);
                return SeedCampaign.run(options, range[0], range[1], positive(jobs, "--jobs", 64), out, stdout);
            }
            return SingleRun.run(options, out, stdout);
        } catch (IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage() + "; see raftlab sim --help");
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        } catch (UncheckedIOException e) {
            stderr.println("error: " + e.getMessage() + " (" + e.getCause().getMessage() + "); check that the path is writable");
            stderr.flush();
            return ExitCodes.BAD_INPUT;
        } finally {
            stdout.flush();
        }
    }

    /** The simulator's options these arguments give; an IllegalArgumentException says what is wrong with them. */
    public SimOptions options() {
        SimOptions.Builder b = SimOptions.builder();
        b.seed(Seeds.parse(seed));
        int n = integer(nodeCount, "--node-count");
        if (n < SimOptions.MIN_NODES || n > SimOptions.MAX_NODES) throw new IllegalArgumentException("--node-count must be 3..101, not " + n);
        b.nodeCount(n);
        b.timeLimitMicros(duration(timeLimit, "--time-limit"));
        b.rate(number(rate, "--rate", 1e6));
        b.concurrency(positive(concurrency, "--concurrency", 1000));
        b.workload(Workload.byName(workload).orElseThrow(() -> new IllegalArgumentException("--workload must be register or registers, not '" + workload + "'")));
        b.keyCount(positive(keys, "--keys", 1_000_000));
        b.scenario(Scenario.byName(scenario).orElseThrow(() -> new IllegalArgumentException(
                "--scenario must be none, leader-failure, rolling-restarts, split-brain, flapping-partition, figure-8, double-vote or random, not '" + scenario + "'")));
        Faults f = b.faults();
        if (drop != null) f = f.withDrop(probability(drop, "--drop"));
        if (duplicate != null) f = f.withDuplicate(probability(duplicate, "--duplicate"));
        if (delay != null || jitter != null) {
            f = f.withDelay(delay == null ? f.delayMicros() : duration0(delay, "--delay"), jitter == null ? f.jitterMicros() : duration0(jitter, "--jitter"));
        }
        if (reorder != null) f = f.withReorder(reorder);
        if (partition != null) f = f.withPartitions(partition);
        if (crash != null) f = f.withCrashes(crash);
        if (pause != null) f = f.withPauses(pause);
        if (clockDrift != null) f = f.withClockDrift(clockDrift);
        if (clockBump != null) f = f.withClockBumps(clockBump);
        if (transfer != null) f = f.withTransfers(transfer);
        if (clockPartition != null) f = f.withClockPartitions(clockPartition);
        b.faults(f);
        b.nemesisIntervalMicros(duration(nemesisInterval, "--nemesis-interval"));
        b.healBoundMicros(duration(healBound, "--heal-bound"));
        b.opTimeoutMicros(duration(opTimeout, "--op-timeout"));
        b.readMode(leaseReads ? ReadMode.LEASE : ReadMode.READ_INDEX);
        b.snapshotEveryEntries(positive(snapshotEvery, "--snapshot-every", Integer.MAX_VALUE));
        b.bugs(bugOptions.toBugs());
        b.keepGoing(keepGoing);
        b.explain(explain);
        b.traceFile(trace);
        if (schedule != null) {
            raftlab.harness.schedule.Schedule plan = raftlab.harness.schedule.ScheduleEdn.read(schedule);
            plan.checkFits(n);
            if (plan.kinds().contains(raftlab.harness.nemesis.FaultKind.MEMBER)) throw new IllegalArgumentException("the simulator cannot inject member faults; take them out of " + schedule);
            b.schedule(plan);
        }
        return b.build();
    }

    private static int integer(String text, String option) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + text + "'");
        }
    }

    static int positive(String text, String option, int max) {
        int v = integer(text, option);
        if (v < 1 || v > max) throw new IllegalArgumentException(option + " must be 1.." + max + ", not " + v);
        return v;
    }

    private static double number(String text, String option, double max) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, not '" + text + "'");
        }
        if (!(v > 0) || v > max) throw new IllegalArgumentException(option + " must be above 0 and at most " + (long) max + ", not " + text);
        return v;
    }

    private static double probability(String text, String option) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a probability such as 0.01, not '" + text + "'");
        }
        if (!(v >= 0 && v < 1)) throw new IllegalArgumentException(option + " must be a probability in [0, 1), not " + text);
        return v;
    }

    private static long duration(String text, String option) {
        long v = duration0(text, option);
        if (v <= 0) throw new IllegalArgumentException(option + " must be longer than zero");
        return v;
    }

    private static long duration0(String text, String option) {
        try {
            return Durations.parseMicros(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }
}
