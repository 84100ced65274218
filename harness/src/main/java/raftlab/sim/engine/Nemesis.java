package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import raftlab.sim.Faults;
import raftlab.sim.Scenario;
import raftlab.sim.SimOptions;

/**
 * The fault schedule: a scenario's scripted faults and, when fault options ask for them, random ones.
 * It acts only before the time limit; then the world heals everything.
 */
final class Nemesis {
    private final World world;
    private final SimOptions options;
    private final SplittableRandom random;
    private final int n;
    private int rollingNext;
    private boolean splitActive;
    private Figure8 figure8;
    private DoubleVote doubleVote;

    Nemesis(World world, SimOptions options, SplittableRandom random) {
        this.world = world;
        this.options = options;
        this.random = random;
        this.n = options.nodeCount();
    }

    void start() {
        if (options.scenario() == Scenario.FIGURE_8) {
            figure8 = new Figure8(world, random, interval());
            figure8.start();
        } else if (options.scenario() == Scenario.DOUBLE_VOTE) {
            doubleVote = new DoubleVote(world, random, interval());
            doubleVote.start();
        } else if (options.scenario() != Scenario.NONE && options.scenario() != Scenario.RANDOM) {
            scheduleScripted();
        }
        if (options.scenario() == Scenario.RANDOM || options.faults().anyNemesis()) scheduleRandom();
    }

    private long interval() { return options.nemesisIntervalMicros(); }

    private boolean active() { return !world.healed(); }

    private void scheduleScripted() {
        long gap = options.scenario() == Scenario.FLAPPING_PARTITION ? interval() / 4 : interval();
        world.schedule(world.now + gap / 2 + random.nextLong(gap), () -> {
            if (!active()) return;
            scripted();
            scheduleScripted();
        });
    }

    private void scheduleRandom() {
        world.schedule(world.now + interval() / 2 + random.nextLong(interval()), () -> {
            if (!active()) return;
            randomFault();
            scheduleRandom();
        });
    }

    private void scripted() {
        switch (options.scenario()) {
            case LEADER_FAILURE -> {
                int leader = world.currentLeader();
                if (leader >= 0) {
                    world.crash(leader);
                    restartLater(leader, interval() / 2);
                }
            }
            case ROLLING_RESTARTS -> {
                int node = rollingNext++ % n;
                if (world.nodes[node].alive) {
                    world.crash(node);
                    restartLater(node, interval() / 3);
                }
            }
            case SPLIT_BRAIN -> {
                if (splitActive) {
                    world.healPartition();
                    splitActive = false;
                } else {
                    int leader = world.currentLeader();
                    if (leader < 0) return;
                    world.partition(leaderInMinority(leader), "split-brain");
                    splitActive = true;
                }
            }
            case FLAPPING_PARTITION -> {
                if (world.network.partitioned()) world.healPartition();
                else world.partition(halves(), "halves");
            }
            case NONE, RANDOM, FIGURE_8, DOUBLE_VOTE -> throw new IllegalStateException("not a scripted scenario: " + options.scenario());
        }
    }

    /** Scenarios that act on elections hear of each new leader at once, before its first messages arrive. */
    void onLeaderElected(int node) {
        if (figure8 != null) figure8.onLeaderElected(node);
        if (doubleVote != null) doubleVote.onLeaderElected(node);
    }

    /** A node answered a client with a result (not a redirect or a rejection). */
    void onClientAnswer(int node) {
        if (figure8 != null) figure8.onClientAnswer(node);
    }

    private void randomFault() {
        Faults f = options.faults();
        List<Runnable> choices = new ArrayList<>();
        if (f.partitions()) choices.add(this::randomPartition);
        if (f.crashes()) choices.add(this::randomCrash);
        if (f.pauses()) choices.add(this::randomPause);
        if (f.clockBumps()) choices.add(this::randomClockBump);
        if (f.transfers()) choices.add(this::randomTransfer);
        if (choices.isEmpty()) return;
        choices.get(random.nextInt(choices.size())).run();
    }

    private void randomPartition() {
        if (world.network.partitioned()) {
            world.healPartition();
            return;
        }
        switch (random.nextInt(4)) {
            case 0 -> world.partition(halves(), "halves");
            case 1 -> world.partition(isolateOne(random.nextInt(n)), "isolate");
            case 2 -> world.partition(bridge(), "bridge");
            default -> world.partition(ring(), "ring");
        }
    }

    /** Kills a node, keeping at least a quorum alive so that the run keeps making progress. */
    private void randomCrash() {
        int down = 0;
        for (SimNode node : world.nodes) if (!node.alive) down++;
        if (down >= (n - 1) / 2) return;
        int victim = pickUp();
        if (victim < 0) return;
        world.crash(victim);
        restartLater(victim, interval() / 5 + random.nextLong(2 * interval()));
    }

    private void randomPause() {
        int victim = pickUp();
        if (victim < 0) return;
        world.pause(victim);
        long resumeAt = world.now + interval() / 5 + random.nextLong(interval());
        int incarnation = world.nodes[victim].incarnation;
        world.schedule(resumeAt, () -> {
            SimNode node = world.nodes[victim];
            if (node.alive && node.paused && node.incarnation == incarnation) world.resume(victim);
        });
    }

    private void randomClockBump() {
        int victim = random.nextInt(n);
        long jump = (1 + random.nextLong(10)) * 1_000_000L * (random.nextBoolean() ? 1 : -1);
        world.bumpClock(victim, jump);
    }

    private void randomTransfer() {
        int leader = world.currentLeader();
        if (leader < 0) return;
        int target = (leader + 1 + random.nextInt(n - 1)) % n;
        world.transferLeadership(leader, target);
    }

    private void restartLater(int node, long delay) {
        world.schedule(world.now + Math.max(1, delay), () -> {
            if (!world.nodes[node].alive) world.restart(node);
        });
    }

    /** A running, unpaused node chosen at random, or -1. */
    private int pickUp() {
        int start = random.nextInt(n);
        for (int i = 0; i < n; i++) {
            int k = (start + i) % n;
            if (world.nodes[k].alive && !world.nodes[k].paused) return k;
        }
        return -1;
    }

    private int[] shuffled() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private int[][] halves() {
        int[] order = shuffled();
        int small = 1 + random.nextInt(n / 2);
        return new int[][] {java.util.Arrays.copyOfRange(order, 0, small), java.util.Arrays.copyOfRange(order, small, n)};
    }

    private int[][] isolateOne(int node) {
        int[] rest = new int[n - 1];
        for (int i = 0, k = 0; i < n; i++) if (i != node) rest[k++] = i;
        return new int[][] {{node}, rest};
    }

    /** The leader with fewer than half of the others, so that the majority side elects a new leader. */
    private int[][] leaderInMinority(int leader) {
        int[] order = shuffled();
        int minority = (n - 1) / 2;
        int[] a = new int[minority];
        int[] b = new int[n - minority];
        a[0] = leader;
        int ai = 1, bi = 0;
        for (int node : order) {
            if (node == leader) continue;
            if (ai < minority) a[ai++] = node;
            else b[bi++] = node;
        }
        return new int[][] {a, java.util.Arrays.copyOf(b, bi)};
    }

    /** Two halves that cannot see each other, and one node that sees both. */
    private int[][] bridge() {
        int[] order = shuffled();
        int middle = order[0];
        int half = (n - 1) / 2;
        int[] a = new int[half + 1];
        int[] b = new int[n - 1 - half + 1];
        a[0] = middle;
        b[0] = middle;
        for (int i = 0; i < half; i++) a[i + 1] = order[1 + i];
        for (int i = 0; i < n - 1 - half; i++) b[i + 1] = order[1 + half + i];
        return new int[][] {a, b};
    }

    /** Every node sees only its two neighbours on a random ring. */
    private int[][] ring() {
        int[] order = shuffled();
        int[][] groups = new int[n][];
        for (int i = 0; i < n; i++) groups[i] = new int[] {order[i], order[(i + 1) % n]};
        return groups;
    }
}
