package raftlab.harness.campaign;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import raftlab.checker.Validity;
import raftlab.harness.nemesis.FaultCounts;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.runner.Liveness;
import raftlab.harness.runner.RunRecord;
import raftlab.harness.runner.TestOptions;
import raftlab.harness.schedule.Schedule;
import raftlab.harness.schedule.ScheduleDraw;
import raftlab.harness.schedule.ScheduleEdn;
import raftlab.harness.store.RunReport;
import raftlab.harness.store.RunStore;
import raftlab.harness.store.Verdict;
import raftlab.harness.util.Durations;
import raftlab.raft.Bugs;
import raftlab.sim.Faults;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;
import raftlab.sim.Violation;
import raftlab.sim.Workload;
import raftlab.history.Op;

/**
 * {@code raftlab test --lab sim}: the same workload, nemeses and checker, run by the deterministic
 * simulator in virtual time; the seed replays a run exactly. The simulator drives its own clients
 * and nemesis from the seed, so this maps the test's flags onto its options.
 */
public final class SimCampaign {
    private static final Logger LOG = Logger.getLogger(SimCampaign.class.getName());

    private SimCampaign() {}

    public static SimOptions simOptions(TestOptions o) { return simOptions(o, true); }

    /**
     * The simulator's options for a test. With {@code followRecipe} a test that names one bug runs that bug's simulated
     * recipe (its node count, load, timing and scripted scenario); without it (the replay of a real lab's run, a schedule
     * file) the test's own options run as they are, the switch on and the recipe's read mode kept.
     */
    public static SimOptions simOptions(TestOptions o, boolean followRecipe) {
        var recipe = raftlab.harness.bugs.BugRecipes.of(o); // --bug NAME: that switch's recipe decides the simulated run
        if (recipe.isPresent() && followRecipe) return recipe.get().simOptions(o);
        Faults faults = Faults.NONE;
        for (FaultKind kind : o.nemeses()) {
            faults = switch (kind) {
                case PARTITION -> faults.withPartitions(true);
                case KILL -> faults.withCrashes(true);
                case PAUSE -> faults.withPauses(true);
                case CLOCK -> faults.withClockBumps(true).withClockDrift(true);
                case CLOCK_PARTITION -> faults.withClockPartitions(true);
                case PACKET -> faults.withDrop(0.05).withDuplicate(0.01).withReorder(true);
                case TRANSFER -> faults.withTransfers(true);
                // Refused before the test starts (Capabilities): the simulator has no membership changes yet.
                case MEMBER -> throw new IllegalArgumentException("the sim lab cannot inject member faults");
            };
        }
        return SimOptions.builder()
                .seed(o.seed())
                .nodeCount(o.nodeCount())
                .timeLimitMicros(o.timeLimit().toNanos() / 1000)
                .rate(o.rate() > 0 ? o.rate() : 200)
                .concurrency(o.concurrency())
                .workload(o.workload().equals("registers") ? Workload.REGISTERS : Workload.REGISTER)
                .faults(faults)
                .nemesisIntervalMicros(o.nemesisInterval().toNanos() / 1000)
                .healBoundMicros(o.livenessBound().toNanos() / 1000)
                .opTimeoutMicros(Math.min(o.opTimeout().toNanos() / 1000, 1_000_000))
                .bugs(Bugs.parse(o.bugs()))
                .readMode(recipe.map(raftlab.harness.bugs.BugRecipe::readMode).orElse(raftlab.raft.ReadMode.READ_INDEX))
                // With a bug switch on, the checker (not the first broken invariant) must judge what the clients saw.
                .keepGoing(!o.bugs().isEmpty())
                .build();
    }

    /**
     * test.json of a simulated run: the test's options, with what the simulator actually ran in place of what it did not
     * take as given (a bug's recipe picks the node count, load and timing; the simulator's clients time out within 1 s),
     * so that every option in the file agrees with the reproduce line, which is also there.
     */
    public static Map<String, Object> testMap(TestOptions options, SimOptions ran) {
        Map<String, Object> test = LabCampaign.testMap(options, null);
        test.put("node-count", ran.nodeCount());
        test.put("concurrency", ran.concurrency());
        test.put("time-limit", ran.timeLimitMicros() / 1000 + "ms");
        test.put("rate", ran.rate());
        test.put("workload", ran.workload().cliName());
        test.put("nemesis-interval", ran.nemesisIntervalMicros() / 1000 + "ms");
        test.put("op-timeout", ran.opTimeoutMicros() / 1000 + "ms");
        test.put("liveness-bound", ran.healBoundMicros() / 1000 + "ms");
        test.put("bugs", ran.bugs().names());
        test.put("reproduce", "raftlab sim " + ran.commandLine());
        return test;
    }

    /**
     * The schedule a simulated test plays: the one given, or the one its seed draws. Without a bug recipe the draw is
     * the test's, as a real lab's runner makes it (so one seed gives one plan in every lab); a recipe's run draws for
     * the recipe's simulated faults.
     */
    private static Schedule scheduleOf(TestOptions options, SimOptions simOptions, Schedule given) {
        if (given != null) return given;
        if (simOptions.schedule() != null) return simOptions.schedule(); // a recipe's aimed schedule
        return raftlab.harness.bugs.BugRecipes.of(options).isPresent() ? simOptions.drawnSchedule() : ScheduleDraw.forTest(options);
    }

    /**
     * Runs one simulated test, writes its run directory, returns the exit code. {@code given} replaces the drawn schedule;
     * {@code givenBySimulator} says it is a simulated run's own (a replay of one), which ran its bug's recipe.
     */
    public static int run(TestOptions options, Schedule given, boolean givenBySimulator, Path storeRoot, PrintStream out,
                          boolean quiet) throws Exception {
        SimOptions drawnOptions = simOptions(options, given == null || givenBySimulator);
        Schedule schedule = scheduleOf(options, drawnOptions, given);
        // Set only when it is not what the simulator would draw itself, so that the raftlab sim line reproduces the run.
        SimOptions simOptions = schedule.equals(drawnOptions.drawnSchedule()) ? drawnOptions.toBuilder().schedule(null).build()
                : drawnOptions.toBuilder().schedule(schedule).build();
        Path dir = RunStore.create(storeRoot, options.testName(), LocalDateTime.now());
        ScheduleEdn.write(dir.resolve("schedule.edn"), schedule);
        try (RunLog log = RunLog.open(dir.resolve("raftlab.log"))) {
            LOG.info("simulated test " + options.testName() + ", seed " + Durations.seedText(options.seed()) + ": raftlab sim "
                    + simOptions.commandLine());
            long t0 = System.nanoTime();
            SimResult result;
            // The narration costs little next to the run, and is what a person reads first when a seed fails.
            try (Narration narration = new Narration(dir.resolve("narration.txt"))) {
                result = Simulation.run(simOptions.toBuilder().explain(true).build(), narration);
                LOG.info("narration.txt: " + narration.lines() + " lines");
            }
            long simMillis = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("simulated " + result.stats().simulatedMicros() / 1000 + " ms in " + simMillis + " ms: " + result.stats().opsOk()
                    + " ok, " + result.stats().opsFail() + " fail, " + result.stats().opsInfo() + " info; "
                    + result.violations().size() + " invariant violations");
            RunReport.writeTestJson(dir, testMap(options, simOptions));
            RunReport.writeHistory(dir, result.history());
            Liveness liveness = result.livenessMicros() >= 0
                    ? new Liveness(true, result.livenessMicros() / 1000, result.livenessMicros() / 1000, null)
                    : new Liveness(false, -1, -1, "no write committed within " + options.livenessBound().toSeconds() + " s of the final heal (simulated)");
            Verdict verdict = Verdict.judge(result.history(), liveness, options.checkTimeLimit());
            LOG.info("verdict " + verdict.summary() + " (checked in " + verdict.checkMillis() + " ms)");
            List<String> violations = new ArrayList<>();
            for (Violation v : result.violations()) violations.add(v.invariant().rule() + " at " + v.timeMicros() + " us on " + v.node() + ": " + v.detail());
            if (!violations.isEmpty()) {
                verdict = new Verdict(Validity.INVALID.and(verdict.validity()), verdict.check(), verdict.checkError(), verdict.liveness(),
                        verdict.checkMillis(), verdict.ok(), verdict.fail(), verdict.info());
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("seed", Durations.seedText(options.seed()));
            extra.put("lab", "sim");
            extra.put("invariant-violations", violations);
            extra.put("simulated-millis", result.stats().simulatedMicros() / 1000);
            extra.put("sim-wall-millis", simMillis);
            extra.put("reproduce", result.reproduceCommand());
            Map<String, Long> faults = FaultCounts.of(result.history());
            extra.put("faults", faults);
            RunReport.writeResults(dir, result.history(), faultWindows(result.history()), verdict, extra);
            String line = "seed " + Durations.seedText(options.seed()) + ": " + verdict.summary()
                    + (violations.isEmpty() ? "" : "; invariant violated: " + violations.get(0))
                    + " (" + verdict.ok() + " ok, " + verdict.fail() + " fail, " + verdict.info() + " info; simulated in " + simMillis
                    + " ms, checked in " + verdict.checkMillis() + " ms)";
            if (!quiet || verdict.validity() != Validity.VALID) out.println(line);
            if (!quiet) out.println("  faults: " + FaultCounts.describe(faults));
            if (verdict.validity() != Validity.VALID) {
                out.println("  report: " + dir + "\n  reproduce: " + (simOptions.schedule() == null ? result.reproduceCommand()
                        : "raftlab test --replay " + dir));
            }
            return verdict.exitCode();
        }
    }

    /** Fault windows from the simulator's nemesis operations ({@code start-x} ... {@code stop-x}, or heal). */
    public static List<RunRecord.FaultWindow> faultWindows(List<Op> history) {
        List<RunRecord.FaultWindow> windows = new ArrayList<>();
        Map<String, Long> open = new LinkedHashMap<>();
        long end = 0;
        for (Op op : history) {
            end = Math.max(end, op.time());
            if (!op.isNemesis() || op.f() == null) continue;
            String f = op.f();
            if (f.startsWith("start-")) open.putIfAbsent(f.substring(6), op.time());
            else if (f.startsWith("stop-")) {
                Long start = open.remove(f.substring(5));
                if (start != null) windows.add(new RunRecord.FaultWindow(f.substring(5), start, op.time()));
            } else if (f.equals("heal")) {
                for (var e : open.entrySet()) windows.add(new RunRecord.FaultWindow(e.getKey(), e.getValue(), op.time()));
                open.clear();
            }
        }
        for (var e : open.entrySet()) windows.add(new RunRecord.FaultWindow(e.getKey(), e.getValue(), end));
        return windows;
    }
}
