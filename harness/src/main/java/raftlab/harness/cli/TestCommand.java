package raftlab.harness.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftlab.conventions.ExitCodes;
import raftlab.harness.campaign.ControlNamespace;
import raftlab.harness.campaign.LabCampaign;
import raftlab.harness.campaign.Replay;
import raftlab.harness.campaign.RunLog;
import raftlab.harness.campaign.SimCampaign;
import raftlab.harness.lab.Capabilities;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.local.LocalLab;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.NodeLauncher;
import raftlab.harness.lab.local.Prerequisites;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.nemesis.NemesisChoice;
import raftlab.harness.partition.PartitionChecks;
import raftlab.harness.runner.TestOptions;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.ScheduleEdn;
import raftlab.harness.lab.ssh.NodeTiming;
import raftlab.harness.lab.ssh.SshFlags;
import raftlab.harness.lab.ssh.SshLab;
import raftlab.harness.lab.ssh.SshOptions;
import raftlab.harness.store.RunStore;
import raftlab.harness.util.Durations;
import raftlab.harness.workload.Workload;

/** {@code raftlab test}: Jepsen's flags, one campaign (or {@code --test-count} of them), a verdict and a report each. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a fault-injection campaign against a Raft cluster and checks its history.",
                "Exit codes: 0 valid, 1 invalid, 2 unknown, 254 bad arguments or missing prerequisite, 255 crashed."})
public final class TestCommand implements Callable<Integer> {
    private static final Logger LOG = Logger.getLogger(TestCommand.class.getName());

    @Spec CommandSpec spec;

    @Option(names = "--lab", paramLabel = "local|sim|ssh", description = "Where the nodes run (default: ${DEFAULT-VALUE}).", defaultValue = "local")
    String lab;
    @Option(names = "--node-count", description = "Nodes of the local or sim lab (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    int nodeCount;
    @Option(names = "--concurrency", paramLabel = "N|Kn", description = "Client threads; 3n means three per node (default: ${DEFAULT-VALUE}).", defaultValue = "2n")
    String concurrency;
    @Option(names = "--time-limit", paramLabel = "DURATION", description = "How long the main phase runs (default: ${DEFAULT-VALUE}).", defaultValue = "60s")
    String timeLimit;
    @Option(names = "--test-count", description = "Runs this many tests in a row; the worst exit code wins (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int testCount;
    @Option(names = "--rate", description = "Target operations per second over all clients; 0 is unlimited (default: 200).")
    Double rate;
    @Option(names = "--nemesis", paramLabel = "FAULT[,FAULT...]", description = {"Faults to combine: partition, kill, pause, clock, packet, member (not in the simulator), clock-partition (the leader cut off while its wall clock steps back), transfer (the leader hands over), or none (default: none). A lab that cannot inject one refuses the test.",
            "partition draws a shape at random each time; partition-halves, partition-one, partition-leader, partition-ring or partition-bridge keep to one shape (repeat to draw among several), and partition:n1,n2/n3,n4,n5 cuts exactly those groups (local and ssh labs)."})
    List<String> nemesis = new ArrayList<>();
    @Option(names = "--nemesis-interval", paramLabel = "DURATION", description = "Time between fault changes; a quarter of the time limit when the limit is shorter than two intervals (default: ${DEFAULT-VALUE}).", defaultValue = "10s")
    String nemesisInterval;
    @Option(names = "--workload", description = "register (one key) or registers (many keys) (default: ${DEFAULT-VALUE}).", defaultValue = "registers")
    String workload;
    @Option(names = "--seed", description = "Seed of every random choice, decimal or 0x hexadecimal (default: random, printed).")
    String seed;
    @Option(names = "--leave-db-running", description = "Leave the nodes (and the local lab) running afterwards.")
    boolean leaveDbRunning;
    @Mixin SshFlags ssh;
    @Option(names = "--node-timing", paramLabel = "auto|normal|slow", defaultValue = "auto",
            description = "The ssh lab's node timers: slow stretches them for emulated hosts (qemu without KVM); auto does so when a host says it is emulated (default: ${DEFAULT-VALUE}).")
    String nodeTiming;
    @Option(names = "--check-time-limit", paramLabel = "DURATION", description = "Budget of the linearizability checker per test (default: ${DEFAULT-VALUE}).", defaultValue = "60s")
    String checkTimeLimit;
    @Option(names = "--bug", paramLabel = "NAME", description = "Turns a raft-node bug switch on for every node (repeatable), such as stale-reads.")
    List<String> bugs = new ArrayList<>();
    @Mixin LocalLabName localLab;
    @Option(names = "--op-timeout", paramLabel = "DURATION", description = "A client gives up on a request after this (the operation is info) (default: ${DEFAULT-VALUE}).", defaultValue = "5s")
    String opTimeout;
    @Option(names = "--store", paramLabel = "DIR", description = "The store directory (default: store under RAFTLAB_HOME).")
    Path store;
    @Option(names = "--replay", paramLabel = "RUN_DIR", description = "Runs a stored run again with its options, seed and schedule (schedule.edn), in its lab or the one --lab names.")
    Path replay;
    @Option(names = "--schedule", paramLabel = "FILE", description = "Plays this fault schedule (the format of a run's schedule.edn) instead of drawing one from the seed; it replaces --nemesis.")
    Path scheduleFile;
    @Option(names = "--stand-in", hidden = true, description = "Runs the harness's stand-in node instead of raft-node (developing the harness only).")
    boolean standIn;

    /** The schedule to play instead of the seed's: a replay's or --schedule's; set by {@link #options}. */
    private Schedule givenSchedule;
    /** True when {@link #givenSchedule} is a simulated run's (a replay of one): the simulator then follows the bug's recipe. */
    private boolean givenBySimulator;

    @Override public Integer call() {
        PrintStream out = System.out;
        RunLog.quietConsole();
        TestOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException | LabException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path storeRoot = store != null ? store.toAbsolutePath() : RunStore.defaultRoot();
        try {
            return switch (options.lab()) {
                case "sim" -> runSim(options, storeRoot, out);
                case "local" -> runLocal(options, storeRoot, out);
                default -> runSsh(options, storeRoot, out);
            };
        } catch (Prerequisites.Missing e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (LabException e) {
            LOG.log(Level.SEVERE, "lab failure", e);
            System.err.println("error: " + e.getMessage() + "; see raftlab.log in " + storeRoot.resolve("latest"));
            return ExitCodes.CRASHED;
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "crashed", e);
            System.err.println("error: the test crashed (" + e + "); the stack trace is in raftlab.log under " + storeRoot.resolve("latest"));
            return ExitCodes.CRASHED;
        }
    }

    TestOptions options() {
        List<String> given = spec != null && spec.commandLine().getParseResult() != null
                ? spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName()).toList() : List.of();
        if (replay != null) return replayOptions(given);
        if (!List.of("local", "sim", "ssh").contains(lab)) throw new IllegalArgumentException("unknown lab " + lab + "; use local, sim or ssh");
        String refusal = LabOptions.refusal(lab, given);
        if (refusal != null) throw new IllegalArgumentException(refusal);
        if (!Workload.NAMES.contains(workload)) throw new IllegalArgumentException("unknown workload " + workload + "; use register or registers");
        if (testCount < 1) throw new IllegalArgumentException("--test-count must be at least 1");
        List<String> hosts = ssh.hosts();
        int count = lab.equals("ssh") && !hosts.isEmpty() ? hosts.size() : nodeCount;
        if (count < 1 || count > 100) throw new IllegalArgumentException("--node-count must be 1..100");
        if (lab.equals("sim") && count < 3) throw new IllegalArgumentException("the simulator needs at least 3 nodes");
        NemesisChoice choice = NemesisChoice.parse(nemesis);
        if (scheduleFile != null) {
            if (!choice.kinds().isEmpty()) throw new IllegalArgumentException("--schedule says which faults run; leave out --nemesis");
            givenSchedule = ScheduleEdn.read(scheduleFile);
            givenSchedule.checkFits(count);
            choice = new NemesisChoice(givenSchedule.kinds(), List.of());
        }
        List<FaultKind> kinds = choice.kinds();
        // Refused here, before any lab is up: a fault the lab cannot do is never silently left out.
        Capabilities.check(lab, kinds);
        PartitionChecks.checkForLab(choice, lab, count);
        Duration limit = positive(Durations.parse(timeLimit), "--time-limit");
        Duration interval = positive(Durations.parse(nemesisInterval), "--nemesis-interval");
        double r = rate != null ? rate : 200;
        if (r < 0) throw new IllegalArgumentException("--rate must not be negative");
        long s = seed != null ? Durations.parseSeed(seed) : new java.security.SecureRandom().nextLong();
        raftlab.raft.Bugs.parse(bugs);
        TestOptions options = new TestOptions(workload, lab, count, hosts, Durations.parseConcurrency(concurrency, count), limit, r, kinds,
                interval, s, positive(Durations.parse(checkTimeLimit), "--check-time-limit"), bugs, leaveDbRunning,
                positive(Durations.parse(opTimeout), "--op-timeout"), Duration.ofSeconds(10));
        options = options.withPartitionShapes(choice.partitionShapes());
        // One --bug picks the campaign recipe that exposes it (workload, faults, timing); see docs/labs.
        if (bugs.size() == 1 && givenSchedule == null) {
            var recipe = raftlab.harness.bugs.BugRecipes.forName(bugs.get(0));
            // A real lab plays the recipe's aimed schedule, if it has one; the simulator takes it from the recipe itself.
            if (!lab.equals("sim")) givenSchedule = recipe.labSchedule(count);
            return recipe.applyTo(options);
        }
        checkSimNodeCount(options);
        return options;
    }

    /** The stored run's options for the lab the replay runs in, its schedule in {@link #givenSchedule}. */
    private TestOptions replayOptions(List<String> given) {
        String refusal = LabOptions.replayRefusal(given);
        if (refusal != null) throw new IllegalArgumentException(refusal);
        // The real directory: "latest" moves to the replay's own run as soon as that is created.
        Path dir = RunStore.resolve(store != null ? store.toAbsolutePath() : RunStore.defaultRoot(), replay.toString());
        try {
            dir = dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("no run directory " + replay + " (looked at " + dir + "); name one under the store, such as latest");
        }
        Replay stored = Replay.read(dir);
        String storedLab = stored.storedLab();
        String target = given.contains("--lab") ? lab : storedLab;
        if (!List.of("local", "sim", "ssh").contains(target)) throw new IllegalArgumentException("unknown lab " + target + "; use local, sim or ssh");
        refusal = LabOptions.refusal(target, given);
        if (refusal != null) throw new IllegalArgumentException(refusal);
        List<String> hosts = ssh.hosts();
        TestOptions options = stored.optionsFor(target, hosts);
        if (given.contains("--check-time-limit")) options = options.withCheckTimeLimit(positive(Durations.parse(checkTimeLimit), "--check-time-limit"));
        if (given.contains("--leave-db-running")) options = options.withLeaveDbRunning(leaveDbRunning);
        // A fault the lab cannot do, or a cluster the schedule does not fit, is refused before any lab is up.
        Capabilities.check(target, stored.schedule().kinds());
        givenSchedule = stored.schedule();
        givenBySimulator = storedLab.equals("sim");
        checkSimNodeCount(options);
        if (!stored.build().equals(raftlab.harness.campaign.Build.commit())) {
            System.err.println("note: the stored run was made by build " + stored.build() + " and this is " + raftlab.harness.campaign.Build.commit()
                    + "; the same schedule runs, but the history may differ");
        }
        return options;
    }

    /** A bug recipe may run the simulator with its own node count; the schedule must fit that too. */
    private void checkSimNodeCount(TestOptions options) {
        if (givenSchedule == null || !options.lab().equals("sim")) return;
        givenSchedule.checkFits(SimCampaign.simOptions(options, givenBySimulator).nodeCount());
    }

    private static Duration positive(Duration d, String flag) {
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(flag + " must be positive");
        return d;
    }

    private int runSim(TestOptions options, Path storeRoot, PrintStream out) throws Exception {
        int worst = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < testCount; i++) {
            worst = worse(worst, SimCampaign.run(options.withSeed(options.seed() + i), givenSchedule, givenBySimulator, storeRoot, out, testCount > 1));
        }
        if (testCount > 1) {
            out.printf(java.util.Locale.ROOT, "%d simulated tests from seed %s in %.1f s: %s%n", testCount, Durations.seedText(options.seed()),
                    (System.nanoTime() - t0) / 1e9, worst == 0 ? "all valid" : "worst exit code " + worst);
        }
        return worst;
    }

    private int runLocal(TestOptions options, Path storeRoot, PrintStream out) throws Exception {
        LocalLayout layout = LocalLayout.of(localLab.prefix(), localLab.subnet(), options.nodeCount());
        if (!ControlNamespace.inside()) {
            Prerequisites.ensure(out::println);
            List<String> arguments = new ArrayList<>(RaftlabMain.arguments());
            // The campaign JVM must use the seed printed here, and the same store.
            if (seed == null && replay == null) {
                arguments.add("--seed");
                arguments.add(Durations.seedText(options.seed()));
            }
            if (store == null) {
                arguments.add("--store");
                arguments.add(storeRoot.toString());
            }
            return normalize(ControlNamespace.supervise(layout, arguments, options.leaveDbRunning(), out));
        }
        String library = Prerequisites.fakeTimeLibrary();
        if (library == null) throw new Prerequisites.Missing("libfaketime is not installed; install it with apt-get install faketime");
        NodeLauncher launcher = standIn ? NodeLauncher.standIn() : NodeLauncher.raftNode(home());
        LocalLab localLab = new LocalLab(layout, launcher, library, false);
        return runOnLab(localLab, options, storeRoot, out);
    }

    private int runSsh(TestOptions options, Path storeRoot, PrintStream out) throws Exception {
        SshOptions sshOptions;
        NodeTiming timing;
        try {
            sshOptions = ssh.toOptions(options.nodes(), options.leaveDbRunning());
            timing = NodeTiming.parse(nodeTiming);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        SshLab sshLab = SshLab.fromEnvironment(sshOptions, standIn).nodeTiming(timing);
        // Slow hosts (emulated guests) get longer client and liveness timeouts along with the node's timers.
        NodeTiming resolved;
        try {
            resolved = sshLab.resolveNodeTiming();
        } catch (LabException e) {
            // Before the run and its store exist: the sentence alone (it names the hosts and what to check).
            LOG.log(Level.INFO, "ssh lab unreachable", e);
            sshLab.closeConnections();
            System.err.println("error: " + e.getMessage());
            return ExitCodes.CRASHED;
        }
        TestOptions timed = options.withTimeouts(resolved.clientTimeout(options.opTimeout()), resolved.livenessBound(options.livenessBound()));
        if (resolved == NodeTiming.SLOW) {
            out.println("node timing slow" + (timing == NodeTiming.AUTO ? " (the hosts are emulated)" : "") + ": " + String.join(" ", resolved.nodeArgs())
                    + "; clients wait " + timed.opTimeout().toSeconds() + " s, liveness within " + timed.livenessBound().toSeconds() + " s of the final heal");
        }
        int code = runOnLab(sshLab, timed, storeRoot, out);
        if (options.leaveDbRunning()) {
            // The nodes ask for the lab's tokens; raftlab lab kv, status and the other lab commands find them here.
            Path dir = LabTarget.sshStateDir(sshOptions, null);
            java.nio.file.Files.createDirectories(dir);
            sshLab.saveTokens(dir);
            out.println("the nodes keep running; raftlab lab commands with the same hosts find their tokens in " + dir);
        }
        return code;
    }

    private int runOnLab(Lab theLab, TestOptions options, Path storeRoot, PrintStream out) throws Exception {
        Thread hook = new Thread(() -> {
            if (!options.leaveDbRunning()) theLab.teardown();
        }, "lab-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        int worst = 0;
        try {
            for (int i = 0; i < testCount; i++) {
                worst = worse(worst, LabCampaign.run(theLab, options.withSeed(options.seed() + i), givenSchedule, storeRoot, out));
            }
        } finally {
            if (!options.leaveDbRunning()) theLab.teardown();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        if (testCount > 1) out.println(testCount + " tests: " + (worst == 0 ? "all valid" : "worst exit code " + worst));
        return worst;
    }

    /** Jepsen's order: crashed (255) over invalid (1) over unknown (2) over valid (0). */
    static int worse(int a, int b) {
        int[] rank = {0, 2, 1};
        int ra = a >= 0 && a <= 2 ? rank[a] : 3;
        int rb = b >= 0 && b <= 2 ? rank[b] : 3;
        return ra >= rb ? normalize(a) : normalize(b);
    }

    static int normalize(int code) {
        return code == 0 || code == 1 || code == 2 || code == 254 || code == 255 ? code : 255;
    }

    static Path home() {
        String home = System.getenv("RAFTLAB_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath();
    }
}
