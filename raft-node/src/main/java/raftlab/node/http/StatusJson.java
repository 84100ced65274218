package raftlab.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import raftlab.node.NodeLoop;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.NodeId;
import raftlab.raft.Status;

/** The {@code /status} document: docs/design.md's fields, plus configuration, addresses and bug switches. */
final class StatusJson {
    private StatusJson() {}

    static String render(NodeApi node) {
        Status s = node.status();
        ObjectNode root = JsonValues.MAPPER.createObjectNode();
        root.put("id", s.id().value());
        root.put("role", NodeLoop.roleName(s.role()));
        root.put("term", s.term());
        root.put("leader", s.leader() == null ? null : s.leader().value());
        root.put("commit", s.commit());
        root.put("applied", s.applied());
        root.put("firstIndex", s.firstIndex());
        root.put("lastIndex", s.lastIndex());
        root.put("snapshotIndex", s.snapshotIndex());
        ArrayNode peers = root.putArray("peers");
        for (Status.PeerProgress p : s.peers()) {
            peers.addObject().put("id", p.id().value()).put("match", p.match()).put("next", p.next());
        }
        if (s.configuration() != null) {
            ids(root.putArray("voters"), s.configuration().voters());
            ids(root.putArray("learners"), s.configuration().learners());
        }
        PeerAddress leader = s.leader() == null ? null : node.address(s.leader().value());
        root.put("leaderUrl", leader == null ? null : leader.clientUrl());
        ArrayNode bugs = root.putArray("bugs");
        node.bugs().forEach(bugs::add);
        root.put("stopped", node.stoppedBecause());
        return root.toString();
    }

    private static void ids(ArrayNode out, List<NodeId> ids) {
        for (NodeId id : ids) out.add(id.value());
    }
}
