package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import raftlab.conventions.Seeds;
import raftlab.raft.kv.KvOp;

/**
 * Many seeds of random message loss, duplication, reordering, partitions and restarts over 3 to 5
 * servers, checking election safety, log matching, that committed entries never change and state
 * machine safety after every step; then faults stop and the cluster must make progress again.
 */
class RandomizedClusterTest {
    static final int SEEDS = Integer.getInteger("raft.seeds", 150);

    @Test
    void safetyHoldsUnderRandomFaults() {
        long totalCommitted = 0;
        long first = Seeds.parse(System.getProperty("raft.firstSeed", "1"));
        for (long seed = first; seed < first + SEEDS; seed++) {
            try {
                totalCommitted += runOne(seed, 400);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + " failed (reproduce with -Draft.seed=" + seed + "): " + e.getMessage(), e);
            }
        }
        System.out.println("randomized: " + SEEDS + " seeds, " + totalCommitted + " committed entries");
        assertTrue(totalCommitted > SEEDS * 10L, "too little progress: " + totalCommitted + " committed entries over " + SEEDS + " seeds");
    }

    /** -Draft.seed=S (decimal or 0x hexadecimal) runs that seed alone; without it the test reports itself skipped. */
    @Test
    void oneSeed() {
        String seed = System.getProperty("raft.seed");
        Assumptions.assumeTrue(seed != null && !seed.isBlank(), "no -Draft.seed given; nothing to run");
        runOne(Seeds.parse(seed), 400);
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        for (long seed = 1; seed <= 5; seed++) {
            long first = trace(seed);
            long second = trace(seed);
            if (first != second) throw new AssertionError("seed " + seed + " gave traces " + first + " and " + second);
        }
    }

    private static long trace(long seed) {
        long[] hash = new long[1];
        runOne(seed, 300, c -> hash[0] = c.traceHash);
        return hash[0];
    }

    static int runOne(long seed, int steps) { return runOne(seed, steps, c -> { }); }

    static int runOne(long seed, int steps, java.util.function.Consumer<TestCluster> atEnd) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
        int n = 3 + random.nextInt(3);
        List<NodeId> ids = TestCluster.ids(n);
        SafetyChecker checker = new SafetyChecker();
        boolean snapshots = random.nextBoolean(); // half the seeds snapshot often, so that InstallSnapshot is exercised
        TestCluster c = new TestCluster(seed);
        boolean lease = random.nextInt(3) == 0;
        for (NodeId id : ids) {
            RaftConfig config = snapshots ? withSnapshots(TestCluster.config(ids)) : TestCluster.config(ids);
            if (lease) config = withLeaseReads(config);
            c.add(id, explained(config), bugs());
        }
        StaleReadChecker reads = new StaleReadChecker();
        NodeId removed = null;
        int key = 0;
        for (int step = 0; step < steps; step++) {
            boolean faulty = step < steps * 3 / 4;
            c.tickAll();
            if (faulty && random.nextInt(40) == 0) {
                c.heal();
                if (random.nextBoolean()) c.isolate(ids.get(random.nextInt(n)));
                else c.isolate(ids.get(random.nextInt(n)), ids.get(random.nextInt(n)));
            }
            if (faulty && random.nextInt(60) == 0) c.crash(ids.get(random.nextInt(n)));
            for (NodeId id : ids) if (c.down.contains(id) && random.nextInt(20) == 0) c.restart(id);
            if (!faulty) {
                c.heal();
                for (NodeId id : ids) if (c.down.contains(id)) c.restart(id);
            }
            if (random.nextInt(3) == 0) {
                NodeId to = c.leader() != null && random.nextInt(4) != 0 ? c.leader() : ids.get(random.nextInt(n));
                if (!c.down.contains(to)) {
                    String k = "k" + random.nextInt(3);
                    KvOp op = switch (random.nextInt(4)) {
                        case 0 -> new KvOp.Get(k);
                        case 1 -> new KvOp.Put(k, Integer.toString(key++));
                        case 2 -> new KvOp.Cas(k, Integer.toString(random.nextInt(Math.max(1, key))), Integer.toString(key++));
                        default -> new KvOp.Delete(k);
                    };
                    long id = c.submit(to, "c" + random.nextInt(4), step, op);
                    reads.submitted(id, c.ticks, op);
                }
            }
            NodeId leaderNow = c.leader();
            if (faulty && leaderNow != null && random.nextInt(30) == 0) {
                switch (random.nextInt(4)) {
                    case 0 -> c.admin(leaderNow, new AdminCommand.TransferLeadership(ids.get(random.nextInt(n))));
                    case 1 -> c.admin(ids.get(random.nextInt(n)), new AdminCommand.TakeSnapshot());
                    case 2 -> {
                        if (removed == null) {
                            NodeId victim = ids.get(random.nextInt(n));
                            long req = c.admin(leaderNow, new AdminCommand.RemoveMember(victim));
                            if (!(c.reply(req) instanceof Outcome.Rejected) && !(c.reply(req) instanceof Outcome.NotLeader)) removed = victim;
                        }
                    }
                    default -> {
                        if (removed != null) {
                            long req = c.admin(leaderNow, new AdminCommand.AddMember(removed));
                            if (!(c.reply(req) instanceof Outcome.Rejected) && !(c.reply(req) instanceof Outcome.NotLeader)) removed = null;
                        }
                    }
                }
            }
            deliverRandomly(c, random, faulty);
            checker.check(c);
        }
        // Liveness once faults stop: a leader emerges and a new write commits and is answered.
        NodeId leader;
        try {
            leader = c.electLeader(300);
        } catch (AssertionError e) {
            List<String> notes = c.notes;
            notes.subList(Math.max(0, notes.size() - 80), notes.size()).forEach(System.out::println);
            for (RaftServer s : c.servers.values()) System.out.println(s.status());
            throw e;
        }
        long put = c.submit(leader, new KvOp.Put("final", "1"));
        for (int i = 0; i < 50 && c.reply(put) == null; i++) c.run(1);
        if (!new Outcome.Ok("1").equals(c.reply(put))) throw new AssertionError("final write on a healed cluster got " + c.reply(put));
        checker.check(c);
        reads.check(c);
        atEnd.accept(c);
        return checker.committedCount();
    }

    /** -Draft.bug=forget-vote (or any name of {@link Bug}) turns a bug on, to see whether the checks catch it. */
    static Bugs bugs() {
        String bug = System.getProperty("raft.bug", "");
        return bug.isBlank() ? Bugs.NONE : Bugs.of(Bug.parse(bug));
    }

    /** -Draft.explain=true records every decision; a failing oneSeed run prints the last of them. */
    static RaftConfig explained(RaftConfig base) {
        if (!Boolean.getBoolean("raft.explain")) return base;
        return new RaftConfig(base.initialVoters(), base.electionTicksMin(), base.heartbeatTicks(), base.readMode(), base.clockDriftBound(),
                base.maxEntriesPerAppend(), base.maxInflightAppends(), base.snapshotEveryEntries(), base.snapshotChunkBytes(),
                base.maxSessions(), base.requestTimeoutTicks(), true);
    }

    static RaftConfig withLeaseReads(RaftConfig base) {
        return new RaftConfig(base.initialVoters(), base.electionTicksMin(), base.heartbeatTicks(), ReadMode.LEASE, base.clockDriftBound(),
                base.maxEntriesPerAppend(), base.maxInflightAppends(), base.snapshotEveryEntries(), base.snapshotChunkBytes(),
                base.maxSessions(), base.requestTimeoutTicks(), false);
    }

    static RaftConfig withSnapshots(RaftConfig base) {
        return new RaftConfig(base.initialVoters(), base.electionTicksMin(), base.heartbeatTicks(), base.readMode(), base.clockDriftBound(),
                base.maxEntriesPerAppend(), base.maxInflightAppends(), 5, 16, base.maxSessions(), base.requestTimeoutTicks(), false);
    }

    /** Delivers the messages in flight in random order, dropping and duplicating some and keeping some for later. */
    private static void deliverRandomly(TestCluster c, SplittableRandom random, boolean faulty) {
        for (int round = 0; round < 4; round++) {
            c.drainAll();
            List<Message> batch = new ArrayList<>(c.network);
            c.network.clear();
            if (faulty) Collections.shuffle(batch, new java.util.Random(random.nextLong()));
            for (Message m : batch) {
                if (faulty) {
                    int dice = random.nextInt(100);
                    if (dice < 10) continue; // dropped
                    if (dice < 15) {
                        c.network.add(m); // delayed to a later round
                        continue;
                    }
                    if (dice < 18) deliver(c, m); // duplicated
                }
                deliver(c, m);
            }
        }
    }

    private static void deliver(TestCluster c, Message m) {
        if (c.down.contains(m.to()) || c.down.contains(m.from()) || !c.connected(m.from(), m.to())) return;
        c.servers.get(m.to()).receive(m);
        c.drain(m.to());
    }
}
