/**
 * The deterministic simulator: 3 to 101 Raft cores ({@code raftlab.raft.RaftServer}) in one thread, in virtual time,
 * driven by one seed.
 *
 * <p>Use it through {@link raftlab.sim.Simulation#run(SimOptions)}; build options with {@link raftlab.sim.SimOptions#builder()}.
 * A run has a fault phase of {@link raftlab.sim.SimOptions#timeLimitMicros()} (clients and nemesis active) and then a heal
 * phase: every partition heals, crashed nodes restart, paused ones resume, the network stops dropping, and a write must
 * commit within {@link raftlab.sim.SimOptions#healBoundMicros()} (liveness). The run ends when that write committed and the
 * clients are idle, or at the first invariant violation, which {@link raftlab.sim.SimResult#reproduceCommand()} replays.
 *
 * <p>What is simulated (package {@code raftlab.sim.engine}):
 * <ul>
 * <li>the event loop: a heap ordered by (time in microseconds, sequence number), so that simultaneous events run in the
 *     order they were scheduled and nothing but the seed decides a run;</li>
 * <li>the network: latency and jitter, drops, duplicates, optional reordering (links are FIFO otherwise), and partitions
 *     of any shape as a reachability matrix that also cuts messages already in flight;</li>
 * <li>disks: what a ServerReady asks to persist is durable when the simulator processes it, before its messages leave;
 *     with the no-fsync bug it sits in a page cache flushed 50-500 ms later, and a crash loses it;</li>
 * <li>crash and restart (a new server from what the disk holds), pause (inputs queue up and are delivered on resume),
 *     per-node clock rates and offsets within the drift bound lease reads assume, wall-clock bumps, leadership transfers;</li>
 * <li>clients: Jepsen processes with one operation at a time, following NotLeader hints; a timeout or an Unknown outcome
 *     is :info and retires the process.</li>
 * </ul>
 *
 * <p>Invariants checked as it runs: one leader per term, log matching, leader completeness, state machine safety (from
 * {@code ServerReady.applied}), a running node's commit index never goes back, a committed entry a node holds is never
 * replaced, the newest committed entry survives every crash on a quorum, the core never throws, and liveness after the
 * heal. Under a bug switch violations are still reported, marked {@link raftlab.sim.Violation#underBug()}.
 */
package raftlab.sim;
