package raftlab.sim.engine;

import java.util.SplittableRandom;

/**
 * The Figure 8 schedule of the Raft paper on five nodes, repeated with seeded timings. Leader A, cut off with one
 * follower B, takes writes that reach B only; the other three elect C, which is isolated the moment it wins, so
 * that its own entry stays on C alone; then A's side (A, B and one more node X) elects a leader that brings A's
 * old entries to X; a few milliseconds later that side is cut and C is given X and the last node, so C, whose
 * last entry has the newer term, wins and overwrites what A's side held. A correct leader never counted those
 * old entries as committed; a leader that commits by counting may already have answered reads from them.
 */
final class Figure8 extends ScriptedScenario {
    private enum Step { IDLE, ELECTING_C, WAITING, ELECTING_A, ANSWERING, OVERWRITE }

    private Step step = Step.IDLE;
    private int a, b, c, x, y;
    private int oldSideLeader;

    Figure8(World world, SplittableRandom random, long intervalMicros) {
        super(world, random, intervalMicros);
    }

    @Override
    protected void begin() {
        int leader = world.currentLeader();
        if (leader < 0 || world.nodeCount() != 5) {
            later(interval / 4, this::begin);
            return;
        }
        int[] others = new int[4];
        for (int i = 0, k = 0; i < 5; i++) if (i != leader) others[k++] = i;
        for (int i = 3; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = others[i];
            others[i] = others[j];
            others[j] = t;
        }
        a = leader;
        b = others[0];
        step = Step.ELECTING_C;
        world.partition(new int[][] {{a, b}, {others[1], others[2], others[3]}}, "figure-8 old leader with one follower");
        later(10 * interval, this::abandon); // no leader in the three: start over
    }

    /** Called whenever a node becomes leader. */
    void onLeaderElected(int node) {
        if (world.healed()) return;
        switch (step) {
            case ELECTING_C -> {
                if (node == a || node == b) return;
                c = node;
                int[] rest = new int[2];
                for (int i = 0, k = 0; i < 5; i++) if (i != a && i != b && i != c) rest[k++] = i;
                int pick = random.nextInt(2);
                x = rest[pick];
                y = rest[1 - pick];
                step = Step.WAITING;
                world.partition(new int[][] {{a, b}, {c}, {x}, {y}}, "figure-8 new leader alone");
                later(interval / 10 + random.nextLong(interval / 2), () -> {
                    step = Step.ELECTING_A;
                    world.partition(new int[][] {{a, b, x}, {c}, {y}}, "figure-8 old side with one more");
                });
            }
            case ELECTING_A -> {
                if (node != a && node != b) return;
                oldSideLeader = node;
                step = Step.ANSWERING;
                later(interval / 10 + random.nextLong(interval / 5), this::overwrite);
            }
            case IDLE, WAITING, ANSWERING, OVERWRITE -> { }
        }
    }

    /**
     * Called for each answer a node gives a client. The first answer of the old side's new leader is the moment to cut
     * it off: a client has now seen what it holds, and its new entries have had the least time to spread.
     */
    void onClientAnswer(int node) {
        if (step == Step.ANSWERING && node == oldSideLeader && !world.healed()) overwrite();
    }

    private void overwrite() {
        if (step != Step.ANSWERING) return;
        step = Step.OVERWRITE;
        world.partition(new int[][] {{c, x, y}, {a}, {b}}, "figure-8 newer term overwrites");
        later(interval + random.nextLong(interval), this::finish);
    }

    private void abandon() {
        if (step != Step.ELECTING_C && step != Step.ELECTING_A) return;
        finish();
    }

    private void finish() {
        cycle++;
        step = Step.IDLE;
        world.healPartition();
        later(interval / 2 + random.nextLong(interval), this::begin);
    }
}
