package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import org.junit.jupiter.api.Test;
import raftlab.raft.kv.KvOp;

/** Leadership transfer and client sessions. */
class TransferAndSessionTest {

    @Test
    void leadershipTransfersToACaughtUpTarget() {
        TestCluster c = TestCluster.of(3, 51);
        NodeId leader = c.electLeader(200);
        NodeId target = leader.equals(n(2)) ? n(3) : n(2);
        c.crash(target);
        for (int i = 0; i < 5; i++) c.submit(leader, new KvOp.Put("k", Integer.toString(i)));
        c.run(2);
        c.restart(target);
        long transfer = c.admin(leader, new AdminCommand.TransferLeadership(target));
        long refused = c.submit(leader, new KvOp.Put("k", "refused"));
        assertEquals(new Outcome.NotLeader(target), c.reply(refused), "proposals during a transfer are refused");
        long lastBefore = c.servers.get(leader).lastIndex();
        c.run(5);
        assertEquals(target, c.leader());
        assertEquals(new Outcome.Ok(null), c.reply(transfer));
        assertTrue(c.servers.get(target).lastIndex() >= lastBefore);
        assertEquals("4", c.servers.get(target).appliedValue("k"), "the refused write was not appended");
    }

    @Test
    void aRetriedRequestIsAppliedOnceAndAnsweredTheSame() {
        TestCluster c = TestCluster.of(3, 52);
        NodeId leader = c.electLeader(200);
        long first = c.submit(leader, "alice", 1, new KvOp.Cas("k", null, "1"));
        long retry = c.submit(leader, "alice", 1, new KvOp.Cas("k", null, "1"));
        c.run(3);
        assertEquals(new Outcome.Ok("1"), c.reply(first));
        assertEquals(new Outcome.Ok("1"), c.reply(retry), "a retry must get the first answer, not a mismatch");
        long other = c.submit(leader, "bob", 1, new KvOp.Cas("k", null, "2"));
        c.run(3);
        assertEquals(new Outcome.Mismatch("1"), c.reply(other));
    }

    @Test
    void sessionsAreEvictedLeastRecentlyUsedByLogIndex() {
        TestConfig config = new TestConfig();
        config.maxSessions = 2;
        TestCluster c = TestConfig.cluster(3, 53, config, Bugs.NONE);
        NodeId leader = c.electLeader(200);
        c.submit(leader, "a", 1, new KvOp.Put("x", "1"));
        c.submit(leader, "b", 1, new KvOp.Put("x", "2"));
        c.submit(leader, "a", 2, new KvOp.Put("x", "3")); // a is now more recent than b
        c.submit(leader, "c", 1, new KvOp.Put("x", "4")); // evicts b
        c.run(3);
        long retryA = c.submit(leader, "a", 2, new KvOp.Put("x", "3"));
        long retryB = c.submit(leader, "b", 1, new KvOp.Put("x", "2"));
        c.run(3);
        assertEquals(new Outcome.Ok("3"), c.reply(retryA));
        assertEquals("2", c.servers.get(leader).appliedValue("x"), "b's session was evicted, so its retry applied again");
        assertEquals(new Outcome.Ok("2"), c.reply(retryB));
        for (RaftServer s : c.servers.values()) assertEquals("2", s.appliedValue("x"));
    }

    @Test
    void anOlderSequenceNumberIsNotApplied() {
        TestCluster c = TestCluster.of(3, 54);
        NodeId leader = c.electLeader(200);
        c.submit(leader, "a", 5, new KvOp.Put("x", "5"));
        c.run(3);
        long old = c.submit(leader, "a", 4, new KvOp.Put("x", "4"));
        c.run(3);
        assertTrue(c.reply(old) instanceof Outcome.Unknown, "got " + c.reply(old));
        assertEquals("5", c.servers.get(leader).appliedValue("x"));
    }
}
