package raftlab.raft;

/** Cluster administration, served by the leader. */
public sealed interface AdminCommand {
    /** Add a server: it joins as a learner, and is promoted to voter once it has caught up. */
    record AddMember(NodeId id) implements AdminCommand {}

    record RemoveMember(NodeId id) implements AdminCommand {}

    record TransferLeadership(NodeId target) implements AdminCommand {}

    record TakeSnapshot() implements AdminCommand {}
}
