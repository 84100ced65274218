package raftlab.node.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.AdminCommand;
import raftlab.raft.Outcome;
import raftlab.raft.Status;
import raftlab.raft.kv.KvOp;

/** What the HTTP layer needs from the node; the node loop is behind it. */
public interface NodeApi {
    /** The future of the operation's outcome, or null when the node could not take it (overloaded or stopped). */
    CompletableFuture<Outcome> submit(KvOp op, String clientId, long seq);

    CompletableFuture<Outcome> admin(AdminCommand command);

    Status status();

    /** Why the node stopped serving, or null while it serves. */
    String stoppedBecause();

    /** The address of a node by id, or null when unknown. */
    PeerAddress address(String id);

    void learnAddress(PeerAddress address);

    /** Bug switches that are on, by their option names without {@code --bug-}. */
    List<String> bugs();

    String metricsText();

    /** How long to wait for an outcome before answering 504. */
    long requestTimeoutMillis();

    /** The token admin requests must carry, or null when admin is disabled. */
    String adminToken();

    /** The token every request but {@code GET /health} must carry as {@code Authorization: Bearer}, or null when none is needed. */
    default String clientToken() { return null; }
}
