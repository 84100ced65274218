package raftlab.harness.bugs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftlab.conventions.Durations;
import raftlab.conventions.ExitCodes;
import raftlab.conventions.Seeds;
import raftlab.raft.Bug;

/**
 * {@code raftlab detect}: the detection table. Each switch's recipe runs N seeds with the switch on and the same N seeds with
 * every switch off; the table says how many the checker judged invalid, how soon, and whether the control stayed valid.
 */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures how often each bug switch's recipe is caught by the checker, and prints a markdown table.",
                "Exit codes: 0 every switch caught at least once and every control valid, 1 otherwise, 254 bad arguments."})
public final class DetectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lab", paramLabel = "sim", description = "Only sim: real labs run through raftlab test --bug NAME --test-count N (default: sim).")
    String lab = "sim";
    @Option(names = "--runs", paramLabel = "N", description = "Seeds per switch, at most 200 (default: 200).")
    int runs = 200;
    @Option(names = "--first-seed", paramLabel = "S", description = "The first seed, decimal or 0x hexadecimal; runs use S, S+1, ... (default: 1).")
    String firstSeedText = "1";
    @Option(names = "--bug", paramLabel = "NAME", split = ",", description = "Only these switches (default: all six).")
    List<String> bugs = new ArrayList<>();
    @Option(names = "--stop-at-first", description = "Stop a switch's runs at its first catch (a quick look; the table then counts fewer runs).")
    boolean stopAtFirst;
    @Option(names = "--check-time-limit", paramLabel = "DURATION", description = "The checker's budget per history, such as 500ms or 10s (default: 10s).")
    String checkTimeLimit = "10s";
    @Option(names = "--schedule", paramLabel = "FILE", description = "Plays this schedule (schedule.edn format, for the recipe's simulated node count) instead of each recipe's: to try aiming faults at a switch.")
    Path schedule;
    @Option(names = "--sim-time-limit", paramLabel = "DURATION", description = "The simulated fault phase instead of each recipe's.")
    String simTimeLimit;
    @Option(names = "--progress", description = "Print one line per run to standard error.")
    boolean progress;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!lab.equals("sim")) {
            err.println("error: detect runs the simulator only; for the local lab run raftlab test --lab local --bug NAME --test-count 5");
            return ExitCodes.BAD_INPUT;
        }
        if (runs < 1 || runs > 200) {
            err.println("error: --runs must be 1..200; give a smaller number of seeds");
            return ExitCodes.BAD_INPUT;
        }
        long firstSeed;
        Duration checkLimit;
        try {
            firstSeed = Seeds.parse(firstSeedText);
            checkLimit = Durations.parse(checkTimeLimit);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (checkLimit.isZero()) {
            err.println("error: --check-time-limit must be longer than zero; give the checker a budget such as 10s");
            return ExitCodes.BAD_INPUT;
        }
        List<Bug> switches = new ArrayList<>();
        for (String name : bugs) {
            var s = Bug.byName(name);
            if (s.isEmpty()) {
                err.println("error: unknown bug " + name + "; use " + Bug.names());
                return ExitCodes.BAD_INPUT;
            }
            switches.add(s.get());
        }
        if (switches.isEmpty()) switches.addAll(List.of(Bug.values()));
        raftlab.harness.schedule.Schedule fileSchedule;
        try {
            fileSchedule = schedule == null ? null : raftlab.harness.schedule.ScheduleEdn.read(schedule);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        List<DetectionRow> rows = new ArrayList<>();
        boolean allGood = true;
        for (Bug bug : switches) {
            BugRecipe recipe = BugRecipes.of(bug);
            try {
                if (fileSchedule != null) {
                    fileSchedule.checkFits(recipe.simNodeCount());
                    recipe = recipe.withAim(raftlab.harness.schedule.AimedSchedule.once(fileSchedule.entries()));
                }
                if (simTimeLimit != null) recipe = recipe.withSimTimeLimit(Durations.parse(simTimeLimit));
                // Made once here, so that a schedule that does not fit the recipe's cluster is refused before any run.
                recipe.simOptions(firstSeed, true);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            List<Trial> on = new ArrayList<>();
            List<Trial> control = new ArrayList<>();
            for (long seed = firstSeed; seed < firstSeed + runs; seed++) {
                Trial t = Trial.simulate(recipe, seed, true, checkLimit);
                Trial c = Trial.simulate(recipe, seed, false, checkLimit);
                on.add(t);
                control.add(c);
                if (progress) err.printf("%s seed %d: switch on %s%s, control %s%n", bug.cliName(), seed, t.verdict(),
                        t.invariantFired() ? " (invariant: " + t.invariant() + ")" : "", c.verdict());
                if (c.verdict() != raftlab.checker.Validity.VALID) err.println("control not valid: " + c.reproduce());
                err.flush();
                if (stopAtFirst && t.caught()) break;
            }
            DetectionRow row = new DetectionRow(bug, "sim", on, control);
            rows.add(row);
            allGood &= row.caught() > 0 && row.controlValid() == control.size();
        }
        out.println(DetectionRow.header());
        for (DetectionRow row : rows) out.println(row.markdown());
        out.printf("%nseeds %d..%d; reproduce one with raftlab test --lab sim --bug NAME --seed S (see docs/labs).%n", firstSeed,
                firstSeed + runs - 1);
        out.flush();
        return allGood ? 0 : 1;
    }
}
