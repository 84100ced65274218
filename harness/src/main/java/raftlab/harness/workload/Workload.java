package raftlab.harness.workload;

import raftlab.harness.generator.Generators;

/**
 * A workload as Maelstrom composes one: what clients do during the test, what each does at the
 * end (final reads), and how the checker must read the history.
 *
 * @param name        {@code register} or {@code registers}
 * @param clientOps   each worker's operations during the main phase (unpaced; the runner adds rate and time limit)
 * @param finalReads  each worker's reads after the final heal
 * @param independent true when values are {@code [key v]} tuples the checker splits by key
 */
public record Workload(String name, Generators.PerThread clientOps, FinalReads finalReads, boolean independent) {

    /** Builds a worker's final reads from the generator it used in the main phase (to read the keys it touched last). */
    @FunctionalInterface
    public interface FinalReads {
        raftlab.harness.generator.Generator after(int thread, raftlab.harness.generator.Generator mainOps);
    }

    /** The workloads {@code --workload} accepts. */
    public static final java.util.List<String> NAMES = java.util.List.of("register", "registers");

    public static Workload byName(String name, int concurrency) {
        return switch (name) {
            case "register" -> RegisterWorkload.create();
            case "registers" -> RegistersWorkload.create(concurrency);
            default -> throw new IllegalArgumentException("unknown workload " + name + "; use one of " + NAMES);
        };
    }
}
