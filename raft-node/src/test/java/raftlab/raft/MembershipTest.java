package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.raft.kv.KvOp;

/** Single-server membership changes: learners first, one change at a time, removal without disruption. */
class MembershipTest {

    @Test
    void anAddedServerJoinsAsALearnerAndIsPromotedOnceCaughtUp() {
        TestCluster c = TestCluster.of(3, 41);
        NodeId leader = c.electLeader(200);
        for (int i = 0; i < 10; i++) c.submit(leader, new KvOp.Put("k", Integer.toString(i)));
        c.run(3);
        c.add(n(4), new TestConfig().build(TestCluster.ids(3)), Bugs.NONE);
        long add = c.admin(leader, new AdminCommand.AddMember(n(4)));
        RaftServer l = c.servers.get(leader);
        assertEquals(List.of(n(4)), l.configuration().learners(), "takes effect when appended");
        c.run(1);
        assertEquals(new Outcome.Ok(null), c.reply(add));
        c.run(10);
        assertTrue(l.configuration().voters().contains(n(4)), "n4 was not promoted: " + l.configuration());
        assertEquals("9", c.server(4).appliedValue("k"));
        assertEquals(l.configuration(), c.server(4).configuration());
    }

    @Test
    void aLearnerDoesNotCountTowardsCommitOrCampaign() {
        TestCluster c = TestCluster.of(3, 42);
        NodeId leader = c.electLeader(200);
        c.add(n(4), new TestConfig().build(TestCluster.ids(3)), Bugs.NONE);
        c.isolate(n(4));
        c.admin(leader, new AdminCommand.AddMember(n(4)));
        c.run(3);
        assertEquals(Role.FOLLOWER, c.server(4).role(), "n4 knows nothing yet");
        c.heal();
        c.run(1);
        c.run(100);
        assertNotEquals(Role.CANDIDATE, c.server(4).role());
        assertEquals(c.leader(), leader);
    }

    @Test
    void oneMembershipChangeAtATime() {
        TestCluster c = TestCluster.of(3, 43);
        NodeId leader = c.electLeader(200);
        c.add(n(4), new TestConfig().build(TestCluster.ids(3)), Bugs.NONE);
        c.add(n(5), new TestConfig().build(TestCluster.ids(3)), Bugs.NONE);
        c.admin(leader, new AdminCommand.AddMember(n(4)));
        long second = c.admin(leader, new AdminCommand.AddMember(n(5)));
        assertTrue(c.reply(second) instanceof Outcome.Rejected, "got " + c.reply(second));
    }

    /** A removed server that missed its removal times out and asks for pre-votes, but cannot depose anyone. */
    @Test
    void aRemovedServerCannotDisruptTheCluster() {
        TestCluster c = TestCluster.of(3, 44);
        NodeId leader = c.electLeader(200);
        NodeId removed = leader.equals(n(3)) ? n(2) : n(3);
        c.isolate(removed);
        long remove = c.admin(leader, new AdminCommand.RemoveMember(removed));
        c.run(3);
        assertEquals(new Outcome.Ok(null), c.reply(remove));
        long term = c.servers.get(leader).term();
        c.run(60); // the removed server times out over and over
        c.heal();
        c.run(100);
        assertEquals(leader, c.leader());
        assertEquals(term, c.servers.get(leader).term(), "the removed server raised the cluster's term");
        long put = c.submit(leader, new KvOp.Put("k", "1"));
        c.run(3);
        assertEquals(new Outcome.Ok("1"), c.reply(put));
    }

    @Test
    void aLeaderThatRemovesItselfStepsDownOnceTheChangeCommits() {
        TestCluster c = TestCluster.of(3, 45);
        NodeId leader = c.electLeader(200);
        long remove = c.admin(leader, new AdminCommand.RemoveMember(leader));
        assertTrue(c.servers.get(leader).isLeader(), "still leads until the change commits");
        c.run(3);
        assertEquals(new Outcome.Ok(null), c.reply(remove));
        assertFalse(c.servers.get(leader).isLeader());
        NodeId next = c.electLeader(200);
        assertNotEquals(leader, next);
        assertFalse(c.servers.get(next).configuration().voters().contains(leader));
        c.run(100);
        assertEquals(next, c.leader(), "the removed leader must not come back");
    }

    /**
     * Regression for randomized seed 749: a leader removes itself, is cut off from the only remaining
     * voter and deposed by CheckQuorum before the change commits. It holds the longest log, so the
     * remaining voter cannot win; it must campaign itself, commit the change, and step down.
     */
    @Test
    void aLeaderDeposedBeforeItsOwnRemovalCommittedStillLetsTheClusterRecover() {
        TestCluster c = TestCluster.of(2, 46);
        c.run(12);
        c.campaign(n(2));
        c.stabilize();
        assertEquals(n(2), c.leader());
        c.isolate(n(1));
        c.admin(n(2), new AdminCommand.RemoveMember(n(2)));
        assertEquals(List.of(n(1)), c.server(2).configuration().voters());
        c.run(30);
        assertFalse(c.server(2).isLeader(), "CheckQuorum should have deposed n2");
        c.heal();
        NodeId leader = c.electLeader(300);
        c.run(30);
        assertEquals(n(1), c.leader(), "n1, the only voter, should lead in the end (after " + leader + ")");
        assertTrue(c.server(1).commitIndex() >= 3, "the removal committed");
        long put = c.submit(n(1), new KvOp.Put("k", "1"));
        c.run(3);
        assertEquals(new Outcome.Ok("1"), c.reply(put));
    }
}
