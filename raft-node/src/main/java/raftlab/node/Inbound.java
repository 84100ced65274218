package raftlab.node;

import java.util.concurrent.CompletableFuture;
import raftlab.raft.AdminCommand;
import raftlab.raft.Message;
import raftlab.raft.Outcome;
import raftlab.raft.kv.KvOp;

/** What other threads hand to the node loop, the only thread that touches the Raft server. */
sealed interface Inbound {
    record PeerMessage(Message message) implements Inbound {}

    record ClientCall(KvOp op, String clientId, long seq, CompletableFuture<Outcome> reply) implements Inbound {}

    record AdminCall(AdminCommand command, CompletableFuture<Outcome> reply) implements Inbound {}
}
