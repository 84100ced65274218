package raftlab.sim;

/** Prints the trace digest of one run; {@link CrossJvmReplayTest} runs it in a JVM with other identity hash codes. */
public final class TraceDigestMain {
    private TraceDigestMain() {}

    static SimOptions options() {
        return SimOptions.builder().seed(0xbeefL).nodeCount(5).timeLimitMicros(4_000_000).scenario(Scenario.RANDOM)
                .workload(Workload.REGISTERS).faults(Faults.RANDOM.withClockBumps(true)).traceDigest(true).build();
    }

    public static void main(String[] args) {
        System.out.println(Simulation.run(options()).traceDigest());
    }
}
