package raftlab.checker;

/**
 * The verdict on one key (or on the whole history when it is not split by key).
 *
 * @param key            the key of Jepsen's {@code [key v]} tuples, or null for an unsplit history
 * @param validity       valid, invalid or unknown
 * @param operations     operations the search had to place (after dropping those that did not happen)
 * @param statesExplored distinct (linearized set, state) configurations visited
 * @param deepest        the most operations ever linearized at once
 * @param failure        why it is invalid, or null
 * @param unknownReason  why the search stopped, or null
 * @param elapsedNanos   how long this key took
 */
public record KeyResult(Object key, Validity validity, int operations, long statesExplored, int deepest,
                        Failure failure, String unknownReason, long elapsedNanos) {}
