package raftlab.sim;

/** Receives what a run narrates as it happens; every method has an empty default. */
public interface SimListener {
    SimListener NONE = new SimListener() {};

    /** A decision, with its reason, for {@code --explain}: {@code timeMicros} is virtual time, {@code node} may be null. */
    default void explain(long timeMicros, String node, String line) {}
}
