package raftlab.harness.bugs;

import java.time.Duration;

/** Development aid: {@code SeedSearch NAME FIRST COUNT on|off} prints one line per seed. */
public final class SeedSearch {
    private static raftlab.sim.Faults faults(String letters) {
        raftlab.sim.Faults f = raftlab.sim.Faults.NONE;
        if (letters.contains("p")) f = f.withPartitions(true);
        if (letters.contains("c")) f = f.withCrashes(true);
        if (letters.contains("b")) f = f.withClockBumps(true);
        if (letters.contains("d")) f = f.withDrop(0.05).withReorder(true);
        if (letters.contains("s")) f = f.withPauses(true);
        if (letters.contains("l")) f = f.withDelay(5_000, 120_000).withReorder(true);
        return f;
    }

    public static void main(String[] args) {
        BugRecipe r = BugRecipes.forName(args[0]);
        long intervalMillis = args.length > 4 ? Long.parseLong(args[4]) : r.simNemesisInterval().toMillis();
        long limitSeconds = args.length > 5 ? Long.parseLong(args[5]) : r.simTimeLimit().toSeconds();
        raftlab.sim.Scenario scenario = args.length > 6 ? raftlab.sim.Scenario.byName(args[6]).orElseThrow() : r.simScenario();
        BugRecipe recipe = new BugRecipe(r.bug(), r.why(), r.workload(), r.nemeses(), r.nemesisInterval(), r.timeLimit(), r.concurrency(),
                r.rate(), scenario, args.length > 7 ? faults(args[7]) : r.simFaults(), Duration.ofMillis(intervalMillis), Duration.ofSeconds(limitSeconds), r.readMode(),
                args.length > 8 ? Integer.parseInt(args[8]) : r.simNodeCount());
        long first = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        boolean on = !args[3].equals("off");
        int caught = 0;
        for (long seed = first; seed < first + count; seed++) {
            long t0 = System.nanoTime();
            Trial t = Trial.simulate(recipe, seed, on, Duration.ofSeconds(20));
            if (t.caught()) caught++;
            System.out.printf("%s seed %d %s %s t=%d inv=%s (%.1fs)%n", recipe.bug().cliName(), seed, on ? "on" : "off", t.verdict(),
                    t.firstViolationNanos() / 1_000_000, t.invariant(), (System.nanoTime() - t0) / 1e9);
        }
        System.out.println("caught " + caught + " of " + count);
    }
}
