package raftlab.raft;

/** The state machine (with client sessions) as of {@code index}, whose entry had {@code term}, and the configuration then. */
public record Snapshot(long index, long term, Configuration configuration, byte[] data) {}
