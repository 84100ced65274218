package raftlab.sim.engine;

import java.util.SplittableRandom;
import raftlab.sim.Scenario;
import raftlab.sim.SimOptions;

/**
 * The simulator's scripted scenarios: schedules that act on events only a simulator sees at once (a leader
 * elected, a client answered) or that name nodes by their role. Random faults are not here: they are the
 * fault packages every lab shares, run by the shared nemesis. A scenario acts only before the time limit;
 * then the world heals everything.
 */
final class Scenarios {
    private final World world;
    private final SimOptions options;
    private final SplittableRandom random;
    private final int n;
    private int rollingNext;
    private boolean splitActive;
    private Figure8 figure8;
    private DoubleVote doubleVote;

    Scenarios(World world, SimOptions options, SplittableRandom random) {
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

    private void restartLater(int node, long delay) {
        world.schedule(world.now + Math.max(1, delay), () -> {
            if (!world.nodes[node].alive) world.restart(node);
        });
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
}
