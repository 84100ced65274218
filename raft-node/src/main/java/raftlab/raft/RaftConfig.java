package raftlab.raft;

import java.util.List;

/**
 * Settings of one server. Times are in ticks: the caller calls {@code tick} once per tick
 * (the node binary every {@code tickMillis}, the simulator in virtual time).
 *
 * @param initialVoters      the cluster at first start, when nothing was persisted
 * @param electionTicksMin   the minimum election timeout; a random timeout is drawn in [min, 2*min)
 * @param heartbeatTicks     how often a leader sends heartbeats
 * @param readMode           READ_INDEX (default) or LEASE
 * @param clockDriftBound    the fraction by which two servers' clocks may run apart (lease reads assume it)
 * @param maxEntriesPerAppend  batching bound for one AppendEntries
 * @param maxInflightAppends   pipelining bound per follower
 * @param snapshotEveryEntries take a snapshot and compact the log after this many applied entries
 * @param snapshotChunkBytes   InstallSnapshot chunk size
 * @param maxSessions          client sessions kept; the least recently used (by log index) is evicted
 * @param requestTimeoutTicks  a client request not answered by then is answered Unknown
 * @param explain            record each decision with its reason in {@link ServerReady#notes} (costly; for people)
 */
public record RaftConfig(List<NodeId> initialVoters, int electionTicksMin, int heartbeatTicks, ReadMode readMode,
                         double clockDriftBound, int maxEntriesPerAppend, int maxInflightAppends,
                         long snapshotEveryEntries, int snapshotChunkBytes, int maxSessions, int requestTimeoutTicks,
                         boolean explain) {

    /** Defaults for a tick of 10 ms: election timeout 150-300 ms, heartbeat 30 ms. */
    public static RaftConfig defaults(List<NodeId> initialVoters) {
        return new RaftConfig(initialVoters, 15, 3, ReadMode.READ_INDEX, 0.05, 256, 8, 10_000, 64 * 1024, 10_000, 500, false);
    }
}
