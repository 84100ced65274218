package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import org.junit.jupiter.api.Test;
import raftlab.raft.Message.AppendEntries;
import raftlab.raft.kv.KvOp;

/** ReadIndex and lease reads, and the two read bugs. */
class ReadTest {

    private static NodeId other(NodeId leader, int avoid) {
        for (int i = 1; i <= 5; i++) if (!n(i).equals(leader) && i != avoid) return n(i);
        throw new AssertionError();
    }

    /** A deposed leader that has not noticed yet must not answer a read from its old state. */
    @Test
    void aStaleLeadersReadsAreRefused() {
        TestCluster c = TestCluster.of(3, 21);
        NodeId old = c.electLeader(200);
        long first = c.submit(old, new KvOp.Put("k", "1"));
        c.run(3);
        assertEquals(new Outcome.Ok("1"), c.reply(first));
        c.isolate(old);
        NodeId a = other(old, 0);
        c.campaign(a);
        c.stabilize();
        long second = c.submit(a, new KvOp.Put("k", "2"));
        c.run(3);
        assertEquals(new Outcome.Ok("2"), c.reply(second));
        assertTrue(c.servers.get(old).isLeader(), "the old leader has not noticed yet");

        long read = c.submit(old, new KvOp.Get("k"));
        c.run(1);
        assertNull(c.reply(read), "a read was answered without a quorum round");
        c.run(30);
        Outcome outcome = c.reply(read);
        assertFalse(outcome instanceof Outcome.Ok, "stale leader answered " + outcome);
    }

    @Test
    void aNewLeaderServesNoReadUntilItCommittedAnEntryOfItsTerm() {
        TestCluster c = TestCluster.of(3, 22);
        NodeId leader = c.electLeader(200);
        NodeId next = other(leader, 0);
        c.campaign(next);
        c.deliverAll(m -> m instanceof AppendEntries); // votes arrive, the no-op does not
        c.deliverAll(m -> m instanceof AppendEntries);
        c.drainAll();
        assertTrue(c.servers.get(next).isLeader());
        long read = c.submit(next, new KvOp.Get("k"));
        c.deliverAll(m -> m instanceof AppendEntries && !((AppendEntries) m).entries().isEmpty());
        assertNull(c.reply(read), "read served before the no-op of the term committed");
        c.stabilize();
        c.run(2);
        assertEquals(new Outcome.Ok(null), c.reply(read));
    }

    @Test
    void readIndexReadSeesEveryAcknowledgedWrite() {
        TestCluster c = TestCluster.of(5, 23);
        NodeId leader = c.electLeader(200);
        for (int i = 0; i < 10; i++) {
            long put = c.submit(leader, new KvOp.Put("k", Integer.toString(i)));
            c.run(2);
            assertEquals(new Outcome.Ok(Integer.toString(i)), c.reply(put));
            long get = c.submit(leader, new KvOp.Get("k"));
            c.run(2);
            assertEquals(new Outcome.Ok(Integer.toString(i)), c.reply(get));
        }
    }

    @Test
    void leaseReadsAreServedWithoutARoundAndStopWhenTheLeaseRunsOut() {
        TestConfig config = new TestConfig();
        config.readMode = ReadMode.LEASE;
        TestCluster c = TestConfig.cluster(3, 24, config, Bugs.NONE);
        NodeId leader = c.electLeader(200);
        c.run(3);
        RaftServer s = c.servers.get(leader);
        assertTrue(s.leaseValid());
        long read = c.submit(leader, new KvOp.Get("k"));
        assertEquals(new Outcome.Ok(null), c.reply(read), "a lease read is answered at once");

        c.isolate(leader);
        int ticks = 0;
        while (s.leaseValid()) {
            c.tickAll();
            c.stabilize();
            ticks++;
        }
        // The lease lasts less than electionTicksMin * (1 - drift) after the last acknowledged round was sent.
        assertTrue(ticks < config.electionTicksMin * (1 - config.clockDriftBound), "lease lasted " + ticks + " ticks after isolation");
        long late = c.submit(leader, new KvOp.Get("k"));
        assertNull(c.reply(late), "a read after the lease ran out must wait for a quorum");
    }

    @Test
    void aLeaseStopsWhenALeadershipTransferBegins() {
        TestConfig config = new TestConfig();
        config.readMode = ReadMode.LEASE;
        TestCluster c = TestConfig.cluster(3, 25, config, Bugs.NONE);
        NodeId leader = c.electLeader(200);
        c.run(3);
        assertTrue(c.servers.get(leader).leaseValid());
        c.isolate(leader); // so the transfer cannot finish during the test
        c.admin(leader, new AdminCommand.TransferLeadership(other(leader, 0)));
        assertFalse(c.servers.get(leader).leaseValid());
    }

    @Test
    void theStaleReadsBugAnswersFromAFollowersOwnState() {
        TestCluster c = TestConfig.cluster(3, 26, new TestConfig(), Bugs.of(Bug.STALE_READS));
        NodeId leader = c.electLeader(200);
        NodeId follower = other(leader, 0);
        c.isolate(follower);
        c.submit(leader, new KvOp.Put("k", "1"));
        c.run(3);
        long read = c.submit(follower, new KvOp.Get("k"));
        assertEquals(new Outcome.Ok(null), c.reply(read), "the bug should answer the follower's stale value at once");
    }

    @Test
    void theLeaseWallClockBugKeepsServingWhenTheWallClockStops() {
        TestCluster c = TestConfig.cluster(3, 27, new TestConfig(), Bugs.of(Bug.LEASE_WALL_CLOCK));
        NodeId leader = c.electLeader(200);
        c.run(3);
        c.isolate(leader);
        RaftServer s = c.servers.get(leader);
        for (int i = 0; i < 100; i++) s.tick(c.wallMillis); // the wall clock stands still (or jumped back) while ticks go on
        c.drain(leader);
        assertTrue(s.isLeader(), "with the bug, CheckQuorum is timed by the wall clock too");
        long read = c.submit(leader, new KvOp.Get("k"));
        assertEquals(new Outcome.Ok(null), c.reply(read), "with the bug, the lease is still valid by the wall clock");
    }
}
