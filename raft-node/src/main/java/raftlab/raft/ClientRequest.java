package raftlab.raft;

import raftlab.raft.kv.KvOp;

/** A client's request, named by the caller's {@code requestId} so that its {@link ClientReply} can be matched. */
public record ClientRequest(long requestId, String clientId, long seq, KvOp op) {}
