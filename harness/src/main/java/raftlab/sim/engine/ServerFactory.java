package raftlab.sim.engine;

import java.util.random.RandomGenerator;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.PersistentState;
import raftlab.raft.RaftConfig;

/** Builds a server at start and at every restart, from what its disk holds. */
@FunctionalInterface
public interface ServerFactory {
    SimServer create(NodeId id, RaftConfig config, RandomGenerator random, Bugs bugs, PersistentState restored);
}
