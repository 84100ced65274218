package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import raftlab.raft.Message.VoteRequest;
import raftlab.raft.Message.VoteResponse;

/** Elections: one vote per term even across restarts, PreVote, stickiness and CheckQuorum. */
class ElectionTest {

    @Test
    void electsExactlyOneLeaderAndEveryoneFollowsIt() {
        TestCluster c = TestCluster.of(5, 3);
        NodeId leader = c.electLeader(200);
        long term = c.servers.get(leader).term();
        for (RaftServer s : c.servers.values()) {
            assertEquals(term, s.term());
            assertEquals(leader, s.leader());
            if (!s.id().equals(leader)) assertEquals(Role.FOLLOWER, s.role());
        }
    }

    @Test
    void randomizedTimeoutsAreDrawnFromTheRandomGeneratorHandedIn() {
        // Same seed, same first campaign tick; the server draws nothing else.
        assertEquals(firstCampaignTick(7), firstCampaignTick(7));
        int min = new TestConfig().electionTicksMin;
        for (long seed = 1; seed <= 20; seed++) {
            int tick = firstCampaignTick(seed);
            assertTrue(tick >= min && tick < 2 * min, "first campaign at tick " + tick + ", outside [" + min + ", " + 2 * min + ")");
        }
    }

    private static int firstCampaignTick(long seed) {
        List<NodeId> ids = TestCluster.ids(3);
        RaftServer s = new RaftServer(n(1), new TestConfig().build(ids), new SplittableRandom(seed), Bugs.NONE, PersistentState.empty());
        for (int tick = 1; tick <= 100; tick++) {
            s.tick(tick);
            if (s.role() == Role.PRE_CANDIDATE) return tick;
        }
        throw new AssertionError("never campaigned");
    }

    /** The vote and the reply that announces it leave in one ready; a restart from disk remembers the vote. */
    @Test
    void aVoteIsNeverGrantedTwiceInOneTermEvenAcrossARestart() {
        TestCluster c = TestCluster.of(3, 1);
        c.run(1); // past nothing: servers ignore votes for a minimum election timeout after start
        for (int i = 0; i < 10; i++) c.tickAll();
        RaftServer n1 = c.server(1);
        n1.receive(new VoteRequest(5, n(2), n(1), 0, 0, false, false));
        ServerReady ready = n1.ready();
        VoteResponse granted = (VoteResponse) ready.messages().get(0);
        assertTrue(granted.granted(), granted.reason());
        assertNotNull(ready.hardState(), "the vote must be persisted in the same ready as the reply");
        assertEquals(new HardState(5, n(2), 0), ready.hardState());
        c.disks.get(n(1)).persist(ready);
        n1.advance(ready);

        c.restart(n(1));
        for (int i = 0; i < 10; i++) c.tickAll();
        c.network.clear();
        RaftServer restarted = c.server(1);
        assertEquals(n(2), restarted.votedFor());
        restarted.receive(new VoteRequest(5, n(3), n(1), 9, 4, false, true));
        VoteResponse second = (VoteResponse) restarted.ready().messages().get(0);
        assertFalse(second.granted(), "granted a second vote in term 5: " + second.reason());
        assertTrue(second.reason().contains("already voted for n2"), second.reason());
    }

    @Test
    void theForgetVoteBugForgetsTheVoteAcrossARestart() {
        TestCluster c = TestConfig.cluster(3, 1, new TestConfig(), Bugs.of(Bug.FORGET_VOTE));
        for (int i = 0; i < 10; i++) c.tickAll();
        c.network.clear();
        RaftServer n1 = c.server(1);
        n1.receive(new VoteRequest(5, n(2), n(1), 0, 0, false, false));
        ServerReady ready = n1.ready();
        assertNull(ready.hardState().votedFor());
        c.disks.get(n(1)).persist(ready);
        n1.advance(ready);
        c.restart(n(1));
        c.server(1).receive(new VoteRequest(5, n(3), n(1), 0, 0, false, true));
        VoteResponse second = (VoteResponse) c.server(1).ready().messages().get(0);
        assertTrue(second.granted(), "the bug should let n1 vote twice in term 5");
    }

    @Test
    void aCandidateWithAnOlderLogIsDeniedWithAReason() {
        TestCluster c = TestCluster.of(3, 2);
        NodeId leader = c.electLeader(200);
        c.submit(leader, new raftlab.raft.kv.KvOp.Put("k", "1"));
        c.run(3);
        RaftServer follower = c.servers.get(leader.equals(n(1)) ? n(2) : n(1));
        for (int i = 0; i < 12; i++) follower.tick(0); // out of the leader's stickiness window
        follower.ready();
        follower.receive(new VoteRequest(follower.term() + 1, n(9), follower.id(), 0, 0, false, false));
        VoteResponse denied = (VoteResponse) follower.ready().messages().get(0);
        assertFalse(denied.granted());
        assertTrue(denied.reason().contains("candidate's log ends at index 0 term 0"), denied.reason());
    }

    /** A partitioned server cannot win pre-votes, so its term stays put and it does not depose the leader when it returns. */
    @Test
    void preVoteKeepsARejoiningPartitionedServerFromDisruptingTheLeader() {
        TestCluster c = TestCluster.of(3, 4);
        NodeId leader = c.electLeader(200);
        long term = c.servers.get(leader).term();
        NodeId outsider = leader.equals(n(3)) ? n(2) : n(3);
        c.isolate(outsider);
        c.run(100);
        assertEquals(term, c.servers.get(outsider).term(), "the isolated server raised its term without winning a pre-vote");
        c.heal();
        c.run(50);
        assertEquals(leader, c.leader());
        assertEquals(term, c.servers.get(leader).term());
        assertEquals(leader, c.servers.get(outsider).leader());
    }

    @Test
    void followersIgnoreVotesWithinTheMinimumElectionTimeoutOfHearingFromTheLeader() {
        TestCluster c = TestCluster.of(3, 5);
        NodeId leader = c.electLeader(200);
        NodeId follower = leader.equals(n(1)) ? n(2) : n(1);
        RaftServer s = c.servers.get(follower);
        long term = s.term();
        s.receive(new VoteRequest(term + 1, n(3), follower, 100, 100, false, false));
        assertEquals(term, s.term(), "a vote request within the lease must not raise the term");
        assertTrue(s.ready().messages().isEmpty());
        s.receive(new VoteRequest(term + 1, n(3), follower, 100, 100, false, true));
        assertEquals(term + 1, s.term(), "a transfer vote request bypasses stickiness");
    }

    @Test
    void checkQuorumMakesAnIsolatedLeaderStepDown() {
        TestCluster c = TestCluster.of(3, 6);
        NodeId leader = c.electLeader(200);
        c.isolate(leader);
        c.run(new TestConfig().electionTicksMin * 2 + 1);
        assertNotEquals(Role.LEADER, c.servers.get(leader).role());
    }
}
