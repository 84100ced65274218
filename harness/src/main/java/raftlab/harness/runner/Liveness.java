package raftlab.harness.runner;

/**
 * Whether the healed cluster served again: Jepsen's histories of a dead cluster (every operation
 * info) are trivially linearizable, so a run must also show that recovery happened.
 *
 * @param valid          a write and then a read were acknowledged within the bound
 * @param writeMillis    time from the end of the heal to the acknowledged write (-1 if none)
 * @param readMillis     time from the end of the heal to the acknowledged read (-1 if none)
 * @param reason         why not, when not valid
 */
public record Liveness(boolean valid, long writeMillis, long readMillis, String reason) {}
