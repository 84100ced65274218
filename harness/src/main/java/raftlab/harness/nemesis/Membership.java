package raftlab.harness.nemesis;

import raftlab.harness.client.ClusterProbe;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabNode;

/** The node's admin API for membership changes, sent to the leader with the lab's token. */
final class Membership {
    static final String REMOVE_PATH = "/admin/remove";
    static final String ADD_PATH = "/admin/add";

    private Membership() {}

    static int remove(Lab lab, String leader, String victim) {
        return ClusterProbe.admin(node(lab, leader), REMOVE_PATH, "{\"id\":\"" + victim + "\"}", lab.adminToken(), 5000);
    }

    static int add(Lab lab, String leader, String member) {
        LabNode m = node(lab, member);
        String body = "{\"id\":\"" + m.id() + "\",\"address\":\"" + m.host() + ":" + m.peerPort() + ":" + m.clientPort() + "\"}";
        return ClusterProbe.admin(node(lab, leader), ADD_PATH, body, lab.adminToken(), 5000);
    }

    private static LabNode node(Lab lab, String id) {
        return lab.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }
}
