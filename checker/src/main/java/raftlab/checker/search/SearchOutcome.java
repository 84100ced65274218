package raftlab.checker.search;

/**
 * How a search of one key ended.
 *
 * @param result      valid, invalid, or stopped (time or memory)
 * @param stopReason  why it stopped, or null
 * @param explored    configurations cached
 * @param deepest     the most completed calls ever linearized at once
 * @param prefix      for a capture run: the calls linearized, in order; else empty
 * @param blocking    for a capture run: the call that had to be linearized next and could not, or -1
 * @param stateAfterPrefix the machine state after the prefix (capture run)
 */
public record SearchOutcome(Result result, String stopReason, long explored, int deepest,
                            int[] prefix, int blocking, long stateAfterPrefix) {
    public enum Result { VALID, INVALID, STOPPED, CAPTURED }
}
