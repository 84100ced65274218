package raftlab.node;

import java.nio.file.Path;
import java.util.List;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Bugs;
import raftlab.raft.RaftConfig;

/**
 * Everything {@code raft-node run} was told.
 *
 * @param join              start with no configuration and wait to be added with {@code admin add}
 * @param batchMaxEntries   group commit: at most this many client requests go into one fsync
 * @param batchWaitMicros   group commit: how long to wait for more requests before an fsync (0: never wait)
 * @param clientToken       the token client requests must carry as {@code Authorization: Bearer}, or null for none
 */
public record NodeSettings(String id, List<PeerAddress> peers, Path dataDir, String clusterId, byte[] clusterSecret,
                           String adminToken, String bindHost, long tickMillis, RaftConfig raft, Bugs bugs, boolean join,
                           int batchMaxEntries, long batchWaitMicros, long segmentBytes, int maxClientConnections,
                           long requestTimeoutMillis, String clientToken) {
    public PeerAddress self() {
        for (PeerAddress peer : peers) if (peer.id().equals(id)) return peer;
        throw new IllegalArgumentException("--peers has no entry for this node's id " + id);
    }
}
