package raftlab.harness.serve;

/**
 * One line of a stored history, as the run page needs it: what the checker's {@code Op} holds plus
 * {@code :node} (the node that answered), which the page shows on hover.
 *
 * @param process the client's process number, or -1 for the nemesis
 * @param value   the value as short EDN-like text ({@code nil}, {@code 3}, {@code [1 2]})
 */
record HistoryEvent(long index, long timeNanos, String type, long process, String f, String value, String error, String node) {
    static final long NEMESIS = -1;

    boolean isNemesis() { return process == NEMESIS; }

    boolean isInvoke() { return type.equals("invoke"); }
}
