package raftlab.sim.engine;

import java.util.SplittableRandom;

/**
 * Two candidates of one term and a voter restarted between their requests, on three nodes, repeated with seeded
 * timings. The leader W is restarted as the bridge between the other two, which cannot see each other, so both
 * campaign for the same term. The moment the first, X, wins, W is killed before X's first append reaches it, X is
 * cut off, and W comes back a millisecond or two later. A correct W remembers its vote and the other candidate, Y,
 * must move to a later term; a W that forgot its vote elects Y in X's term. Then both leaders see W again.
 */
final class DoubleVote extends ScriptedScenario {
    private enum Step { IDLE, FIRST, SECOND, BOTH }

    private Step step = Step.IDLE;
    private int w, x, y;

    DoubleVote(World world, SplittableRandom random, long intervalMicros) {
        super(world, random, intervalMicros);
    }

    @Override
    protected void begin() {
        int leader = world.currentLeader();
        if (leader < 0 || world.nodeCount() != 3) {
            later(interval / 4, this::begin);
            return;
        }
        w = leader;
        int first = (w + 1) % 3, second = (w + 2) % 3;
        world.crash(w);
        world.partition(new int[][] {{first, w}, {second, w}}, "double-vote bridge");
        world.schedule(world.now + 1_000 + random.nextLong(5_000), () -> {
            if (!world.nodes[w].alive) world.restart(w);
        });
        step = Step.FIRST;
        later(10 * interval, this::finish); // nobody won in time: start over
    }

    /** Called whenever a node becomes leader. */
    void onLeaderElected(int node) {
        if (world.healed()) return;
        switch (step) {
            case FIRST -> {
                if (node == w) { // the bridge won itself: no two candidates this time
                    finish();
                    return;
                }
                x = node;
                y = 3 - w - x;
                step = Step.SECOND;
                if (world.nodes[w].alive) world.crash(w);
                world.partition(new int[][] {{x}, {w, y}}, "double-vote first winner cut off");
                long back = 500 + random.nextLong(3_000);
                world.schedule(world.now + back, () -> {
                    if (!world.nodes[w].alive) world.restart(w);
                });
                // X must hear from W again before its CheckQuorum gives up, yet not before Y's vote request reaches W.
                later(back + random.nextLong(interval / 4), this::bridgeBoth);
            }
            case SECOND -> {
                if (node == y) bridgeBoth();
            }
            case IDLE, BOTH -> { }
        }
    }

    private void bridgeBoth() {
        if (step != Step.SECOND) return;
        step = Step.BOTH;
        world.partition(new int[][] {{x, w}, {y, w}}, "double-vote both winners");
        later(interval + random.nextLong(interval), this::finish);
    }

    private void finish() {
        cycle++;
        step = Step.IDLE;
        if (!world.nodes[w].alive) world.restart(w);
        world.healPartition();
        later(interval / 2 + random.nextLong(interval), this::begin);
    }
}
