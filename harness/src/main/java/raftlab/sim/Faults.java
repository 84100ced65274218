package raftlab.sim;

/**
 * The simulated network and the random nemesis. Probabilities are per message; times are microseconds.
 *
 * @param dropProbability      a message is lost
 * @param duplicateProbability a message is delivered twice
 * @param delayMicros          the base one-way latency
 * @param jitterMicros         a uniform extra latency in [0, jitter)
 * @param reorder              messages between two nodes may overtake each other (otherwise each link is FIFO)
 * @param partitions           the nemesis cuts the network into random shapes (halves, one node alone, a bridge, a ring)
 * @param crashes              the nemesis kills nodes (unsynced writes are lost) and restarts them
 * @param pauses               the nemesis pauses nodes and resumes them
 * @param clockDrift           each node's clock gets an offset and runs at its own rate, within the drift bound lease reads assume
 * @param clockBumps           the nemesis jumps one node's wall clock by seconds (only the lease-wall-clock bug reads it)
 * @param transfers            the nemesis asks the leader to hand leadership to another node (TimeoutNow)
 * @param clockPartitions      the nemesis steps the leader's wall clock back, cuts it off, and steps it back again
 *
 * <p>The nemesis faults (partitions to clock partitions) are the fault packages every lab shares
 * ({@code raftlab.harness.nemesis}), one at a time on the shared schedule; drops, duplicates, delay, jitter,
 * reordering and drift are the simulated network's and clocks' own.
 */
public record Faults(double dropProbability, double duplicateProbability, long delayMicros, long jitterMicros,
                     boolean reorder, boolean partitions, boolean crashes, boolean pauses, boolean clockDrift,
                     boolean clockBumps, boolean transfers, boolean clockPartitions) {
    public Faults {
        if (dropProbability < 0 || dropProbability >= 1) throw new IllegalArgumentException("drop probability must be in [0, 1)");
        if (duplicateProbability < 0 || duplicateProbability >= 1) throw new IllegalArgumentException("duplicate probability must be in [0, 1)");
        if (delayMicros < 0 || jitterMicros < 0) throw new IllegalArgumentException("delay and jitter must not be negative");
    }

    /** A healthy LAN: 1 ms latency, up to 1 ms jitter, FIFO links, no faults. */
    public static final Faults NONE = new Faults(0, 0, 1_000, 1_000, false, false, false, false, false, false, false, false);

    /** Everything at once, as {@code --scenario random} uses it. */
    public static final Faults RANDOM = new Faults(0.01, 0.01, 1_000, 2_000, true, true, true, true, true, false, true, false);

    public Faults withDrop(double p) { return new Faults(p, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, crashes, pauses, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withDuplicate(double p) { return new Faults(dropProbability, p, delayMicros, jitterMicros, reorder, partitions, crashes, pauses, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withDelay(long delay, long jitter) { return new Faults(dropProbability, duplicateProbability, delay, jitter, reorder, partitions, crashes, pauses, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withReorder(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, on, partitions, crashes, pauses, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withPartitions(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, on, crashes, pauses, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withCrashes(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, on, pauses, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withPauses(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, crashes, on, clockDrift, clockBumps, transfers, clockPartitions); }

    public Faults withClockDrift(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, crashes, pauses, on, clockBumps, transfers, clockPartitions); }

    public Faults withClockBumps(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, crashes, pauses, clockDrift, on, transfers, clockPartitions); }

    public Faults withClockPartitions(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, crashes, pauses, clockDrift, clockBumps, transfers, on); }

    public Faults withTransfers(boolean on) { return new Faults(dropProbability, duplicateProbability, delayMicros, jitterMicros, reorder, partitions, crashes, pauses, clockDrift, clockBumps, on, clockPartitions); }

    /** The fault packages of the shared nemesis these options ask for, in FaultKind's order. */
    public java.util.List<raftlab.harness.nemesis.FaultKind> nemesisKinds() {
        java.util.List<raftlab.harness.nemesis.FaultKind> kinds = new java.util.ArrayList<>();
        if (partitions) kinds.add(raftlab.harness.nemesis.FaultKind.PARTITION);
        if (crashes) kinds.add(raftlab.harness.nemesis.FaultKind.KILL);
        if (pauses) kinds.add(raftlab.harness.nemesis.FaultKind.PAUSE);
        if (clockBumps) kinds.add(raftlab.harness.nemesis.FaultKind.CLOCK);
        if (clockPartitions) kinds.add(raftlab.harness.nemesis.FaultKind.CLOCK_PARTITION);
        if (transfers) kinds.add(raftlab.harness.nemesis.FaultKind.TRANSFER);
        return kinds;
    }
}
