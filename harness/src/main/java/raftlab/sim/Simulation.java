package raftlab.sim;

import raftlab.sim.engine.RaftServerAdapter;
import raftlab.sim.engine.World;

/**
 * The deterministic simulator: Raft cores in one thread, in virtual time, with a simulated network, disks,
 * clocks and clients, all driven by one seed. This class is the whole API the harness needs.
 */
public final class Simulation {
    private Simulation() {}

    /** Runs one simulation to its end (or its first invariant violation). Thread-safe: runs share nothing. */
    public static SimResult run(SimOptions options) { return run(options, SimListener.NONE); }

    public static SimResult run(SimOptions options, SimListener listener) {
        return new World(options, RaftServerAdapter.FACTORY, listener).run();
    }
}
