package raftlab.history;

/**
 * One operation of a history, with Jepsen's keys.
 *
 * @param index   rises through the history
 * @param time    nanoseconds since the test began, on the harness's monotonic clock (-1 when unknown)
 * @param type    invoke, ok, fail or info
 * @param process the client process; {@link #NEMESIS} for the nemesis
 * @param f       the function, such as {@code read}, {@code write}, {@code cas} (without the colon)
 * @param value   Long, String, Boolean, null, or a List of those (a {@code [key v]} tuple, a cas {@code [from to]})
 * @param error   the {@code :error} of a completion (without the colon), or null
 */
public record Op(long index, long time, OpType type, long process, String f, Object value, String error) {
    public static final long NEMESIS = -1;

    public boolean isNemesis() { return process == NEMESIS; }
}
