package raftlab.raft;

/** The answer to the request the caller named {@code requestId}. */
public record ClientReply(long requestId, Outcome outcome) {}
