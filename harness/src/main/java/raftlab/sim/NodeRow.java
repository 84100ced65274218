package raftlab.sim;

/** One line of the final cluster table. {@code state} is up, crashed or paused; {@code logSize} counts entries after the snapshot. */
public record NodeRow(String node, String role, long term, String state, long lastIndex, long logSize, long snapshotIndex,
                      long commit, long applied) {}
