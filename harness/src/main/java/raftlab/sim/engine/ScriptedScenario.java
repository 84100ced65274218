package raftlab.sim.engine;

import java.util.SplittableRandom;

/**
 * A fault schedule written for one anomaly (Figure 8, a double vote) that acts at chosen moments of a run,
 * repeated in cycles with seeded timings until the final heal. A step scheduled in one cycle is dropped once
 * the next cycle has begun, so a slow cycle never acts on the next one's nodes.
 */
abstract class ScriptedScenario {
    protected final World world;
    protected final SplittableRandom random;
    protected final long interval;
    /** Rises when a cycle ends; steps scheduled in an earlier cycle then do nothing. */
    protected int cycle;

    ScriptedScenario(World world, SplittableRandom random, long intervalMicros) {
        this.world = world;
        this.random = random;
        this.interval = intervalMicros;
    }

    final void start() { later(interval / 2 + random.nextLong(interval), this::begin); }

    /** Starts one cycle, or schedules itself again when the cluster is not ready for one. */
    protected abstract void begin();

    protected final void later(long delayMicros, Runnable step) {
        int mine = cycle;
        world.schedule(world.now + Math.max(1, delayMicros), () -> {
            if (world.healed() || mine != cycle) return;
            step.run();
        });
    }
}
