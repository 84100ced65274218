package raftlab.sim.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import raftlab.raft.Message;
import raftlab.sim.Faults;

/**
 * The simulated network between nodes: latency with jitter, drops, duplicates, optional reordering, and
 * partitions of any shape as a reachability matrix (which need not be symmetric or transitive).
 * Every fault between nodes is injected here and nowhere else.
 */
final class Network {
    private final World world;
    private final SplittableRandom random;
    private final int n;
    private final boolean[] reachable; // reachable[from * n + to]
    private final long[] lastArrival;  // per link, to keep links FIFO when reordering is off
    private Faults faults;
    private boolean partitioned;

    Network(World world, SplittableRandom random, int n, Faults faults) {
        this.world = world;
        this.random = random;
        this.n = n;
        this.faults = faults;
        this.reachable = new boolean[n * n];
        this.lastArrival = new long[n * n];
        Arrays.fill(reachable, true);
    }

    /** A message leaves {@code from}; it may be lost, delayed, duplicated. */
    void send(int from, Message message) {
        world.stats.messagesSent++;
        int to = world.indexOf(message.to());
        if (!reachable[from * n + to] || (faults.dropProbability() > 0 && random.nextDouble() < faults.dropProbability())) {
            world.stats.messagesDropped++;
            if (world.trace.on) world.traceMessage("drop", from, to, message);
            return;
        }
        long at = arrival(from, to);
        world.schedule(at, new Delivery(from, to, message));
        if (faults.duplicateProbability() > 0 && random.nextDouble() < faults.duplicateProbability()) {
            world.stats.messagesDuplicated++;
            world.schedule(at + 1 + random.nextLong(faults.delayMicros() + faults.jitterMicros() + 1), new Delivery(from, to, message));
        }
    }

    private long arrival(int from, int to) {
        long at = world.now + faults.delayMicros() + (faults.jitterMicros() > 0 ? random.nextLong(faults.jitterMicros()) : 0);
        if (!faults.reorder()) {
            int link = from * n + to;
            if (at < lastArrival[link]) at = lastArrival[link];
            lastArrival[link] = at;
        }
        return at;
    }

    /** One-way latency between a client and a node: clients reach every node, partitions or not. */
    long clientLatency() {
        return faults.delayMicros() + (faults.jitterMicros() > 0 ? random.nextLong(faults.jitterMicros()) : 0);
    }

    boolean reachable(int from, int to) { return reachable[from * n + to]; }

    /** Cuts the network into {@code groups}: a node reaches exactly the nodes of every group it shares with them. */
    void partition(int[][] groups) {
        Arrays.fill(reachable, false);
        for (int[] group : groups) {
            for (int a : group) for (int b : group) reachable[a * n + b] = true;
        }
        for (int i = 0; i < n; i++) reachable[i * n + i] = true;
        partitioned = true;
    }

    /** Sets reachability link by link ({@code reachable[from][to]}), as a shared partition fault describes it. */
    void cut(boolean[][] matrix) {
        for (int from = 0; from < n; from++) for (int to = 0; to < n; to++) reachable[from * n + to] = from == to || matrix[from][to];
        partitioned = true;
    }

    /** Sets the probability that a message between nodes is lost (the shared packet fault). */
    void drop(double probability) { faults = faults.withDrop(probability); }

    void heal() {
        Arrays.fill(reachable, true);
        partitioned = false;
    }

    boolean partitioned() { return partitioned; }

    /** The heal phase: the network stops losing and duplicating messages. */
    void calm() { faults = faults.withDrop(0).withDuplicate(0); }

    /** A message in flight. A partition that starts before it arrives cuts it too, as a firewall would. */
    private final class Delivery implements Event {
        private final int from;
        private final int to;
        private final Message message;

        Delivery(int from, int to, Message message) {
            this.from = from;
            this.to = to;
            this.message = message;
        }

        @Override public void fire() {
            if (!reachable[from * n + to]) {
                world.stats.messagesDropped++;
                if (world.trace.on) world.traceMessage("cut", from, to, message);
                return;
            }
            world.deliver(from, to, message);
        }
    }
}
