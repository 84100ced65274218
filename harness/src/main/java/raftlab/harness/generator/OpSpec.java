package raftlab.harness.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An operation a generator asks a client to perform: Jepsen's {@code {:f :write, :value 3}}, with the
 * key and argument the client sends, so that no client needs to know which workload made it.
 *
 * @param f        {@code read}, {@code write} or {@code cas}
 * @param key      the key on the node, such as {@code r} or {@code r7}
 * @param argument what the client sends: null for a read, the value of a write, {@code [from to]} for a cas
 * @param value    as recorded in the history: the argument, or a {@code [key argument]} tuple for independent keys
 */
public record OpSpec(String f, String key, Object argument, Object value) {
    /** The key of the single-register workload. */
    public static final String REGISTER_KEY = "r";

    /** An operation on the single register {@code r}. */
    public static OpSpec register(String f, Object argument) {
        return new OpSpec(f, REGISTER_KEY, argument, argument);
    }

    /** An operation on register {@code r<k>} of many, recorded as Jepsen's {@code independent} tuple {@code [k argument]}. */
    public static OpSpec keyed(String f, long k, Object argument) {
        return new OpSpec(f, REGISTER_KEY + k, argument, tuple(k, argument));
    }

    /** An operation with no key, such as a nemesis's {@code start-partition}. */
    public static OpSpec named(String f) {
        return new OpSpec(f, null, null, null);
    }

    /** The value to record for this operation's ok read of {@code read}: the value read, inside the tuple if keyed. */
    public Object recordedRead(Object read) {
        return value instanceof List<?> t && key != null && !key.equals(REGISTER_KEY) ? tuple(t.get(0), read) : read;
    }

    private static List<Object> tuple(Object k, Object v) {
        List<Object> t = new ArrayList<>(2);
        t.add(k);
        t.add(v);
        return Collections.unmodifiableList(t);
    }
}
