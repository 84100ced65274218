package raftlab.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the simulated clients do. */
public enum Workload {
    /** One register (key {@code r}): reads, writes of unique values, compare-and-set from a recently seen value. */
    REGISTER,
    /** Many registers; every value in the history is a {@code [key v]} tuple (Jepsen's independent keys). */
    REGISTERS;

    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    public static Optional<Workload> byName(String name) {
        return Arrays.stream(values()).filter(w -> w.cliName().equals(name)).findFirst();
    }
}
