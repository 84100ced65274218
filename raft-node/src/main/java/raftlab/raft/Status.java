package raftlab.raft;

import java.util.List;

/** A server's state as {@code /status} reports it. {@code peers} is filled only on a leader. */
public record Status(NodeId id, Role role, long term, NodeId leader, long commit, long applied,
                     long firstIndex, long lastIndex, long snapshotIndex, Configuration configuration,
                     List<PeerProgress> peers) {
    public record PeerProgress(NodeId id, long match, long next) {}
}
