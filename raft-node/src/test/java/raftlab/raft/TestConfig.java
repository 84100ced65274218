package raftlab.raft;

import java.util.List;

/** A mutable builder of RaftConfig for tests; defaults: election 10..20 ticks, heartbeat 2, small batches. */
final class TestConfig {
    int electionTicksMin = 10;
    int heartbeatTicks = 2;
    ReadMode readMode = ReadMode.READ_INDEX;
    double clockDriftBound = 0.05;
    int maxEntriesPerAppend = 4;
    int maxInflightAppends = 4;
    long snapshotEveryEntries = 0;
    int snapshotChunkBytes = 64;
    int maxSessions = 100;
    int requestTimeoutTicks = 200;
    boolean explain = false;

    RaftConfig build(List<NodeId> voters) {
        return new RaftConfig(voters, electionTicksMin, heartbeatTicks, readMode, clockDriftBound, maxEntriesPerAppend,
                maxInflightAppends, snapshotEveryEntries, snapshotChunkBytes, maxSessions, requestTimeoutTicks, explain);
    }

    static TestCluster cluster(int n, long seed, TestConfig config, Bugs bugs) {
        TestCluster c = new TestCluster(seed);
        List<NodeId> ids = TestCluster.ids(n);
        for (NodeId id : ids) c.add(id, config.build(ids), bugs);
        return c;
    }
}
