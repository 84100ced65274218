package raftlab.harness.bugs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.runner.TestOptions;
import raftlab.harness.schedule.AimedSchedule;
import raftlab.harness.schedule.Schedule;
import raftlab.raft.Bug;
import raftlab.raft.Bugs;
import raftlab.raft.ReadMode;
import raftlab.sim.Faults;
import raftlab.sim.Scenario;
import raftlab.sim.SimOptions;
import raftlab.sim.Workload;

/**
 * A campaign that exposes one bug switch: what the clients do, which faults the nemesis injects and how often, for how long.
 * The same recipe with the switch off is the control, which must be valid.
 *
 * @param bug             the switch this recipe is for
 * @param why             one sentence: how the faults below turn the bug into an anomaly a client can see
 * @param workload        register (one key: every operation contends) or registers
 * @param nemeses         the faults of a real lab ({@code --nemesis})
 * @param nemesisInterval time between fault changes in a real lab
 * @param timeLimit       main phase of a real lab run
 * @param concurrency     client threads (real labs) and client processes (simulator)
 * @param rate            operations per second over all clients
 * @param simScenario     the simulator's fault schedule
 * @param simFaults       the simulator's network faults and random nemesis on top of the scenario
 * @param simNemesisInterval the simulator's mean time between nemesis actions
 * @param simTimeLimit    the simulator's fault phase (virtual time)
 * @param readMode        how leaders serve reads when the switch is off (the lease-wall-clock control uses correct leases)
 * @param simNodeCount    nodes in the simulator when the test does not say
 * @param aim             the faults aimed at the moment the bug shows, in every lab (null: the schedule the seed draws
 *                        for {@code nemeses}, and in the simulator for {@code simFaults})
 */
public record BugRecipe(Bug bug, String why, String workload, List<FaultKind> nemeses, Duration nemesisInterval,
                        Duration timeLimit, int concurrency, double rate, Scenario simScenario, Faults simFaults,
                        Duration simNemesisInterval, Duration simTimeLimit, ReadMode readMode, int simNodeCount,
                        AimedSchedule aim) {
    public BugRecipe {
        nemeses = List.copyOf(nemeses);
    }

    /** The simulator's options for one seed, with the switch on or (the control) off. */
    public SimOptions simOptions(long seed, boolean switchOn) {
        return SimOptions.builder()
                .seed(seed)
                .nodeCount(simNodeCount)
                .timeLimitMicros(simTimeLimit.toNanos() / 1000)
                .rate(rate)
                .concurrency(concurrency)
                .workload(workload.equals("registers") ? Workload.REGISTERS : Workload.REGISTER)
                .scenario(simScenario)
                .faults(simFaults)
                .nemesisIntervalMicros(simNemesisInterval.toNanos() / 1000)
                .readMode(readMode)
                .bugs(switchOn ? Bugs.of(bug) : Bugs.NONE)
                .keepGoing(true) // the checker, not the first broken invariant, must judge what the clients saw
                .schedule(aim == null ? null : aim.schedule(simNodeCount, simTimeLimit))
                .build();
    }

    /**
     * The simulator's options for a {@code raftlab test --lab sim} run: the recipe (its node count included, since some
     * schedules need three nodes), with the seed of the test and the switch on when the test names it.
     */
    public SimOptions simOptions(TestOptions test) {
        return simOptions(test.seed(), test.bugs().contains(bug.cliName()));
    }

    /**
     * The test options with this recipe's workload, faults, timing and load, keeping what says where and how to run (lab,
     * nodes, seed, checker budget, timeouts) and turning the switch on. In the simulator the recipe's virtual time limit
     * and nemesis interval apply.
     */
    public TestOptions applyTo(TestOptions test) {
        List<String> bugs = new ArrayList<>(test.bugs());
        if (!bugs.contains(bug.cliName())) bugs.add(bug.cliName());
        boolean sim = test.lab().equals("sim");
        return new TestOptions(workload, test.lab(), test.nodeCount(), test.nodes(), concurrency, sim ? simTimeLimit : timeLimit,
                rate, nemeses, sim ? simNemesisInterval : nemesisInterval, test.seed(), test.checkTimeLimit(), bugs,
                test.leaveDbRunning(), test.opTimeout(), test.livenessBound());
    }

    /** The control: {@link #applyTo} with every switch off. */
    public TestOptions controlOf(TestOptions test) {
        TestOptions on = applyTo(test);
        return new TestOptions(on.workload(), on.lab(), on.nodeCount(), on.nodes(), on.concurrency(), on.timeLimit(), on.rate(),
                on.nemeses(), on.nemesisInterval(), on.seed(), on.checkTimeLimit(), List.of(), on.leaveDbRunning(), on.opTimeout(),
                on.livenessBound());
    }

    /** This recipe aiming its faults with {@code newAim} instead. */
    public BugRecipe withAim(AimedSchedule newAim) {
        return new BugRecipe(bug, why, workload, nemeses, nemesisInterval, timeLimit, concurrency, rate, simScenario, simFaults,
                simNemesisInterval, simTimeLimit, readMode, simNodeCount, newAim);
    }

    /** This recipe with another fault phase in the simulator. */
    public BugRecipe withSimTimeLimit(Duration limit) {
        return new BugRecipe(bug, why, workload, nemeses, nemesisInterval, timeLimit, concurrency, rate, simScenario, simFaults,
                simNemesisInterval, limit, readMode, simNodeCount, aim);
    }

    /** The schedule of a real lab's run of this recipe: the aimed one, or null for the one the seed draws. */
    public Schedule labSchedule(int nodeCount) {
        return aim == null ? null : aim.schedule(nodeCount, timeLimit);
    }

    /**
     * The command that reproduces one seed in the simulator: {@code raftlab sim} with the recipe's options, or, when the
     * recipe aims its faults (a schedule no flag of raftlab sim spells), {@code raftlab test --lab sim --bug}.
     */
    public String simCommandLine(long seed, boolean switchOn) {
        if (aim == null) return "raftlab sim " + simOptions(seed, switchOn).commandLine();
        return "raftlab test --lab sim --bug " + bug.cliName() + " --seed " + seed
                + (switchOn ? "" : " (the control: the same run with the switch off)");
    }
}
