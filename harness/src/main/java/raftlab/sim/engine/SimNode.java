package raftlab.sim.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import raftlab.raft.Entry;
import raftlab.raft.NodeId;
import raftlab.raft.Role;

/** One simulated machine: its Raft server (null while crashed), disk, clock, and what the invariant checks remember of it. */
final class SimNode {
    /** Where every node's wall clock starts, so that wall-clock readings look like real ones. */
    static final long EPOCH_MILLIS = 1_700_000_000_000L;

    final int index;
    final NodeId id;
    final String name;
    final SimDisk disk;

    SimServer server;
    boolean alive;
    boolean paused;
    /** Rises at every crash, so that events of an earlier life (ticks) are recognised and dropped. */
    int incarnation;
    /** Messages and client requests that arrived while paused, delivered in order on resume. */
    final ArrayDeque<Object> inbox = new ArrayDeque<>();

    /** Local clock rate (1 = exact) and the phase of its tick timer, in virtual microseconds. */
    double clockRate = 1.0;
    long tickPhaseMicros;
    /** Wall-clock offset from virtual time, plus jumps from clock bumps. */
    long wallOffsetMicros;
    /** The offset the node's clock drifted to at the start; a clock fault moves it from here and its heal back here. */
    long baseWallOffsetMicros;

    // What the invariant checks saw last of this node's current life.
    Role lastRole = Role.FOLLOWER;
    long lastTerm = -1;
    long lastCommit = -1;
    final List<Entry> appliedInStep = new ArrayList<>();

    SimNode(int index, boolean fsync) {
        this.index = index;
        this.name = "n" + (index + 1);
        this.id = NodeId.of(name);
        this.disk = new SimDisk(fsync);
    }

    long wallClockMillis(long nowMicros) {
        return EPOCH_MILLIS + (long) Math.floor((nowMicros * clockRate + wallOffsetMicros) / 1000.0);
    }

    /** Virtual time of this node's k-th tick: its local clock runs at {@link #clockRate}. */
    long tickTime(long k, long tickMicros) {
        return tickPhaseMicros + (long) Math.ceil(k * tickMicros / clockRate);
    }

    /** The number of the first tick strictly after {@code nowMicros}. */
    long nextTickNumber(long nowMicros, long tickMicros) {
        long k = Math.max(0, (long) Math.floor((nowMicros - tickPhaseMicros) * clockRate / tickMicros));
        while (tickTime(k, tickMicros) <= nowMicros) k++;
        return k;
    }

    String state() { return !alive ? "crashed" : paused ? "paused" : "up"; }
}
