package raftlab.raft;

/** One log entry. */
public record Entry(long index, long term, Command command) {}
