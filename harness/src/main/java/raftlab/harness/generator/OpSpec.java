package raftlab.harness.generator;

/**
 * An operation a generator asks a worker to perform: Jepsen's {@code {:f :write, :value 3}}.
 * The worker records it as an invocation and later as a completion.
 *
 * @param f     {@code read}, {@code write} or {@code cas}
 * @param value as recorded in the history: null for a read of one register, {@code [from to]} for
 *              a cas, {@code [key v]} tuples for independent keys
 */
public record OpSpec(String f, Object value) {}
