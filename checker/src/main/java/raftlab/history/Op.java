package raftlab.history;

import java.util.List;

/**
 * One operation of a history, with Jepsen's keys.
 *
 * @param index   rises through the history
 * @param time    nanoseconds since the test began, on the harness's monotonic clock (-1 when unknown)
 * @param type    invoke, ok, fail or info
 * @param process the client process; {@link #NEMESIS} for the nemesis
 * @param f       the function, such as {@code read}, {@code write}, {@code cas} (without the colon)
 * @param value   Long, String, Boolean, null, or a List of those (a {@code [key v]} tuple, a cas {@code [from to]});
 *                histories read from elsewhere may also hold {@link Keyword}s, Doubles and Maps
 * @param error   the {@code :error} of a completion (without the colon), or null
 * @param node    the node that answered a client completion, after redirects; {@link #NO_NODE} when none answered;
 *                null when the history does not say (invocations, nemesis operations, histories from elsewhere)
 */
public record Op(long index, long time, OpType type, long process, String f, Object value, String error, String node) {
    public static final long NEMESIS = -1;

    /** The {@code :node} of a completion that no node answered (written {@code :node nil}). */
    public static final String NO_NODE = "";

    /** An op that does not say which node answered. */
    public Op(long index, long time, OpType type, long process, String f, Object value, String error) {
        this(index, time, type, process, f, value, error, null);
    }

    /** True when this op carries a {@code :node} key (possibly nil). */
    public boolean hasNode() { return node != null; }

    public boolean isNemesis() { return process == NEMESIS; }

    public boolean isInvoke() { return type == OpType.INVOKE; }

    /** An invocation of {@code f} with {@code value} by {@code process}. */
    public static Op invoke(long index, long time, long process, String f, Object value) {
        return new Op(index, time, OpType.INVOKE, process, f, value, null);
    }

    /** The completion of this invocation: same process and function, the given type, value and error. */
    public Op complete(long index, long time, OpType type, Object value, String error) {
        return new Op(index, time, type, process, f, value, error, null);
    }

    /** This op with another index (readers number ops that carry no index by their position). */
    public Op withIndex(long newIndex) { return new Op(newIndex, time, type, process, f, value, error, node); }

    /** This op with another value, such as the value part of a {@code [key v]} tuple. */
    public Op withValue(Object newValue) { return new Op(index, time, type, process, f, newValue, error, node); }

    /** A {@code [key v]} tuple, as Jepsen's {@code independent} writes it. */
    public static List<Object> tuple(Object key, Object value) {
        return java.util.Arrays.asList(key, value);
    }
}
