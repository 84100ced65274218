package raftlab.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.AdminCommand;
import raftlab.raft.NodeId;

/**
 * {@code POST /admin/add|remove|transfer|snapshot}, guarded by the {@code Admin-Token} header.
 * {@code add} takes {@code {"id": "n6", "address": "host:peerPort:clientPort"}} so the cluster can reach the new node.
 */
final class AdminRequests {
    private AdminRequests() {}

    static AdminCommand parse(HttpRequest exchange, String action, NodeApi node) throws KvRequests.Refused {
        String token = node.adminToken();
        if (token == null) throw new KvRequests.Refused(403, "admin is disabled on this node; start it with --admin-token");
        String given = exchange.header("Admin-Token");
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new KvRequests.Refused(401, "the Admin-Token header is missing or wrong");
        }
        if (!exchange.method().equals("POST")) throw new KvRequests.Refused(405, "use POST for /admin/" + action);
        try {
            if (action.equals("snapshot")) return new AdminCommand.TakeSnapshot();
            ObjectNode body = JsonValues.parseObject(exchange.body());
            String id = text(body, "id");
            switch (action) {
                case "add": {
                    JsonNode address = body.get("address");
                    if (address != null && !address.isNull()) {
                        try {
                            node.learnAddress(PeerAddress.parse(id + "=" + address.asText()));
                        } catch (IllegalArgumentException e) {
                            throw new KvRequests.Refused(400, e.getMessage());
                        }
                    } else if (node.address(id) == null) {
                        throw new KvRequests.Refused(400, "no address is known for " + id + "; add \"address\": \"host:peerPort:clientPort\"");
                    }
                    return new AdminCommand.AddMember(NodeId.of(id));
                }
                case "remove":
                    return new AdminCommand.RemoveMember(NodeId.of(id));
                case "transfer":
                    return new AdminCommand.TransferLeadership(NodeId.of(id));
                default:
                    throw new KvRequests.Refused(404, "no such admin action; use add, remove, transfer or snapshot");
            }
        } catch (JsonValues.BadInput e) {
            throw new KvRequests.Refused(400, e.getMessage());
        }
    }

    private static String text(ObjectNode body, String field) throws KvRequests.Refused {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new KvRequests.Refused(400, "the body needs \"" + field + "\" with a node id such as \"n4\"");
        }
        return node.asText();
    }
}
