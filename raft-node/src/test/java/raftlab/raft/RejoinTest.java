package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.raft.Message.AppendEntries;
import raftlab.raft.Message.VoteResponse;
import raftlab.raft.kv.KvOp;

/**
 * A server that lost entries it had acknowledged (its data directory restored from an older copy, or
 * repaired) must not help elect a leader that lacks them: the leader lowers its match when it sees the
 * shorter log, and the server neither votes nor counts toward commitment until it holds the leader's
 * log past what it had acknowledged (protocol-aware recovery).
 */
class RejoinTest {
    private static final long SEED = 15;

    private static TestCluster cluster() {
        TestConfig config = new TestConfig();
        config.explain = true;
        TestCluster c = TestConfig.cluster(3, SEED, config, Bugs.NONE);
        for (int i = 0; i < 12; i++) c.tickAll(); // leave the start-up window in which votes are ignored
        c.campaign(n(1));
        c.stabilize();
        assertEquals(n(1), c.leader(), "seed " + SEED);
        return c;
    }

    private static void write(TestCluster c, String key, String value) {
        long id = c.submit(n(1), new KvOp.Put(key, value));
        c.stabilize();
        assertTrue(c.reply(id) instanceof Outcome.Ok, key + ": " + c.reply(id) + " (seed " + SEED + ")");
    }

    private static Status.PeerProgress progress(TestCluster c, int leader, int follower) {
        return c.server(leader).status().peers().stream().filter(p -> p.id().equals(n(follower))).findFirst().orElseThrow();
    }

    private static boolean carriesEntries(Message m) { return m instanceof AppendEntries a && !a.entries().isEmpty(); }

    @Test
    void aFollowerRestoredFromAnOlderCopyCatchesUpAndDoesNotVoteUntilPastItsOldMatch() {
        TestCluster c = cluster();
        write(c, "a", "1");
        PersistentState backup = c.disks.get(n(3)).load();
        // n2 is away: the next writes are acknowledged by n1 and n3 alone.
        c.isolate(n(2));
        for (int i = 0; i < 5; i++) write(c, "k" + i, "v" + i);
        long acknowledged = c.server(3).lastIndex();
        assertEquals(acknowledged, progress(c, 1, 3).match());
        c.heal();
        c.isolate(n(2)); // still away while n3 comes back from its backup
        c.load(n(3), backup);
        // Heartbeats reach n3, entries do not: the leader sees the shorter log but cannot repair it yet.
        for (int i = 0; i < 6; i++) {
            c.tickAll();
            c.deliverAll(RejoinTest::carriesEntries);
        }
        assertTrue(progress(c, 1, 3).match() < acknowledged, "the leader must lower n3's match; it says " + progress(c, 1, 3));
        assertTrue(c.warnings.stream().anyMatch(w -> w.contains("lowers n3's match from " + acknowledged)), c.warnings.toString());
        assertEquals(acknowledged, c.server(3).rejoinIndex(), "n3 must learn how far it has to catch up");

        // The leader dies. n2 and n3 both lack the acknowledged writes; n3 must not help n2 win.
        c.crash(n(1));
        c.heal();
        c.network.clear();
        for (int i = 0; i < 100; i++) {
            c.tickAll();
            c.stabilize();
        }
        assertNull(c.leader(), "n2 was elected with n3's vote and the acknowledged writes are lost (seed " + SEED + ")");
        // n1 returns: it wins with n2's vote, catches n3 up, and n3 votes again.
        c.restart(n(1));
        NodeId leader = c.electLeader(300);
        assertEquals(n(1), leader, "only n1 holds the acknowledged writes");
        c.run(20);
        assertEquals(0, c.server(3).rejoinIndex(), "n3 caught up past index " + acknowledged + " and must vote again");
        assertEquals(c.server(1).lastIndex(), c.server(3).lastIndex());
        assertEquals("v4", c.server(3).appliedValue("k4"));
        assertTrue(c.warnings.stream().anyMatch(w -> w.contains("n3 has rejoined")), c.warnings.toString());
    }

    @Test
    void aRepairedServerGrantsNoVoteAndDoesNotCountUntilALeaderHasCaughtItUp() {
        TestCluster c = cluster();
        for (int i = 0; i < 4; i++) write(c, "k" + i, "v" + i);
        // n3 comes back from a repair that dropped its damaged tail; it cannot know what it had acknowledged.
        PersistentState repaired = c.disks.get(n(3)).load();
        HardState hard = repaired.hardState();
        List<Entry> kept = repaired.entries().subList(0, 2);
        c.load(n(3), new PersistentState(new HardState(hard.term(), hard.votedFor(), hard.commit(), HardState.REJOIN_UNKNOWN),
                repaired.snapshot(), kept));
        c.crash(n(2));
        // Hold back entries for n3: n1 alone cannot commit, because n3 does not count yet.
        long id = c.submit(n(1), new KvOp.Put("late", "x"));
        for (int i = 0; i < 6; i++) {
            c.tickAll();
            c.deliverAll(RejoinTest::carriesEntries);
        }
        assertNull(c.reply(id), "committed with the vote of a server that is rejoining");
        assertTrue(c.server(3).rejoinIndex() > 0 && c.server(3).rejoinIndex() < HardState.REJOIN_UNKNOWN,
                "the leader must tell n3 how far to catch up, not " + c.server(3).rejoinIndex());
        VoteResponse answer = voteFrom(c, 3);
        assertFalse(answer.granted(), "a rejoining server granted a vote: " + answer.reason());
        assertTrue(answer.reason().contains("rejoining"), answer.reason());
        // Let the entries through: n3 catches up, counts again, and the write commits. (The next write makes the leader
        // notice that the appends it sent were lost; heartbeats alone do not, as long as they are answered.)
        long nudge = c.submit(n(1), new KvOp.Put("later", "y"));
        c.run(10);
        assertTrue(c.reply(nudge) instanceof Outcome.Ok, "" + c.reply(nudge));
        assertTrue(c.reply(id) instanceof Outcome.Ok, c.reply(id) + " leader " + c.leader() + " n3 rejoin " + c.server(3).rejoinIndex()
                + " n1 " + c.server(1).status() + " warnings " + c.warnings + String.join("\n", c.notes.subList(Math.max(0, c.notes.size() - 40), c.notes.size())));
        assertEquals(0, c.server(3).rejoinIndex());
        assertTrue(voteFrom(c, 3).granted(), "n3 caught up and must vote again");
    }

    /**
     * Asks server {@code i} for a pre-vote for the next term, as a candidate with a log as long as anyone's, marked as a
     * transfer so that it is not ignored for having heard from a leader just now.
     */
    private static VoteResponse voteFrom(TestCluster c, int i) {
        RaftServer s = c.server(i);
        s.receive(new Message.VoteRequest(s.term() + 1, n(2), n(i), 1_000_000, s.term() + 1, true, true));
        ServerReady ready = s.ready();
        s.advance(ready);
        return ready.messages().stream().filter(m -> m instanceof VoteResponse).map(m -> (VoteResponse) m).findFirst().orElseThrow();
    }
}
