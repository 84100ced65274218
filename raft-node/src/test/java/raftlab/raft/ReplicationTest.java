package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.raft.Message.AppendEntries;
import raftlab.raft.Message.AppendResponse;
import raftlab.raft.kv.KvOp;

/** Log replication: the Figure 8 commit rule, fast backtracking, batching, pipelining, and durable self-counting. */
class ReplicationTest {

    private static List<Entry> log(long... terms) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(new Entry(i + 1, terms[i], new Command.Client(null, 0, new KvOp.Put("k", Long.toString(terms[i] * 100 + i + 1)))));
        }
        return entries;
    }

    private static PersistentState state(long term, long... terms) {
        return new PersistentState(new HardState(term, null, 0), null, log(terms));
    }

    private static boolean carriesIndex(Message m, long index) {
        return m instanceof AppendEntries a && a.entries().stream().anyMatch(e -> e.index() >= index);
    }

    /**
     * Figure 8 (c): s1 leads term 4 and gets its term-2 entry at index 2 onto a majority, but not its
     * term-4 no-op. Counting replicas must not commit index 2: s5 (last term 3) could still win and
     * overwrite it. With the commitOldTerm bug it is committed.
     */
    @Test
    void anEntryFromAnEarlierTermIsNeverCommittedByCountingReplicas() {
        assertEquals(0, figure8CommitIndex(Bugs.NONE), "index 2 of term 2 was committed by counting replicas");
        assertEquals(2, figure8CommitIndex(Bugs.of(Bug.COMMIT_OLD_TERM)), "the commitOldTerm bug should commit it");
    }

    private static long figure8CommitIndex(Bugs bugs) {
        TestConfig config = new TestConfig();
        config.maxEntriesPerAppend = 1;
        config.explain = true;
        TestCluster c = TestConfig.cluster(5, 8, config, bugs);
        c.load(n(1), state(3, 1, 2));
        c.load(n(2), state(3, 1, 2));
        c.load(n(3), state(3, 1));
        c.load(n(4), state(3, 1));
        c.load(n(5), state(3, 1, 3));
        c.crash(n(5));
        for (int i = 0; i < 10; i++) c.tickAll(); // leave the start-up stickiness window
        c.network.clear();
        c.campaign(n(1));
        for (int i = 0; i < 20; i++) {
            c.tickAll();
            for (int k = 0; k < 5; k++) c.deliverAll(m -> carriesIndex(m, 3)); // the term-4 no-op never arrives
        }
        RaftServer s1 = c.server(1);
        if (!s1.isLeader()) c.notes.forEach(System.out::println);
        assertTrue(s1.isLeader());
        assertEquals(4, s1.term());
        assertEquals(2, c.server(3).termAt(2), "index 2 should be on s1, s2 and s3 by now");
        return s1.commitIndex();
    }

    @Test
    void theNoopOfTheNewTermCommitsEarlierEntries() {
        TestCluster c = TestCluster.of(3, 9);
        c.load(n(1), state(3, 1, 2));
        c.load(n(2), state(3, 1));
        c.load(n(3), state(3, 1));
        for (int i = 0; i < 10; i++) c.tickAll();
        c.network.clear();
        c.campaign(n(1));
        c.stabilize();
        RaftServer s1 = c.server(1);
        assertEquals(3, s1.commitIndex());
        assertTrue(s1.entryAt(3).command() instanceof Command.Noop);
        assertEquals(3, c.server(2).lastIndex());
    }

    /** A follower with 40 conflicting entries of one term is repaired in a few round trips, not 40. */
    @Test
    void fastBacktrackingSkipsAWholeConflictingTermAtOnce() {
        TestConfig config = new TestConfig();
        config.maxEntriesPerAppend = 64;
        TestCluster c = TestConfig.cluster(3, 10, config, Bugs.NONE);
        long[] leaderTerms = new long[42];
        long[] staleTerms = new long[42];
        for (int i = 0; i < 42; i++) {
            leaderTerms[i] = i < 2 ? 1 : 3;
            staleTerms[i] = i < 2 ? 1 : 2;
        }
        c.load(n(1), state(3, leaderTerms));
        c.load(n(2), state(3, staleTerms));
        c.load(n(3), state(3, leaderTerms));
        for (int i = 0; i < 10; i++) c.tickAll();
        c.network.clear();
        c.campaign(n(1));
        int rejections = 0;
        for (int round = 0; round < 30; round++) {
            c.drainAll();
            for (Message m : c.network) if (m instanceof AppendResponse r && !r.success() && r.from().equals(n(2))) rejections++;
            c.deliverAll();
        }
        assertTrue(rejections <= 2, rejections + " rejections to repair one conflicting term");
        assertEquals(c.server(1).lastIndex(), c.server(2).lastIndex());
        assertEquals(3, c.server(2).termAt(3));
    }

    @Test
    void appendsAreBatchedAndPipelinedWithinTheirBounds() {
        TestConfig config = new TestConfig();
        config.maxEntriesPerAppend = 3;
        config.maxInflightAppends = 2;
        TestCluster c = TestConfig.cluster(3, 11, config, Bugs.NONE);
        NodeId leader = c.electLeader(200);
        for (int i = 0; i < 20; i++) c.servers.get(leader).submit(new ClientRequest(1000 + i, null, 0, new KvOp.Put("k", Integer.toString(i))));
        c.drain(leader);
        int appendsToOne = 0;
        for (Message m : c.network) {
            if (m instanceof AppendEntries a && a.to().equals(a.to().equals(leader) ? null : m.to()) && !a.entries().isEmpty()) {
                assertTrue(a.entries().size() <= 3, "batch of " + a.entries().size());
                if (a.to().equals(leader.equals(n(1)) ? n(2) : n(1))) appendsToOne++;
            }
        }
        assertEquals(2, appendsToOne, "appends in flight to one follower before any acknowledgement");
        c.run(10);
        for (RaftServer s : c.servers.values()) assertEquals("19", s.appliedValue("k"));
    }

    /** The leader counts its own log only up to what its disk holds: nothing commits before advance(). */
    @Test
    void aLeaderCountsItselfOnlyAfterItsEntriesArePersisted() {
        List<NodeId> one = List.of(n(1));
        RaftServer s = new RaftServer(n(1), new TestConfig().build(one), new java.util.SplittableRandom(1), Bugs.NONE, PersistentState.empty());
        for (int i = 0; i < 25 && !s.isLeader(); i++) {
            s.tick(i);
            while (s.hasReady()) s.advance(s.ready());
        }
        assertTrue(s.isLeader());
        s.submit(new ClientRequest(1, null, 0, new KvOp.Put("k", "1")));
        ServerReady ready = s.ready();
        assertEquals(1, ready.entries().size());
        assertEquals(1, s.commitIndex(), "committed before the entry was persisted");
        assertTrue(ready.replies().isEmpty());
        s.advance(ready);
        assertEquals(2, s.commitIndex());
        assertEquals(List.of(new ClientReply(1, new Outcome.Ok("1"))), s.ready().replies());
    }

    @Test
    void writesAnsweredOnlyAfterCommitUnlessAckOnAppend() {
        TestCluster c = TestCluster.of(3, 12);
        NodeId leader = c.electLeader(200);
        c.isolate(leader);
        long put = c.submit(leader, new KvOp.Put("k", "1"));
        c.run(2);
        assertEquals(null, c.reply(put), "a write that cannot commit must not be answered yet");

        TestCluster buggy = TestConfig.cluster(3, 12, new TestConfig(), Bugs.of(Bug.ACK_ON_APPEND));
        NodeId buggyLeader = buggy.electLeader(200);
        buggy.isolate(buggyLeader);
        long early = buggy.submit(buggyLeader, new KvOp.Cas("k", null, "1"));
        assertEquals(new Outcome.Ok("1"), buggy.reply(early), "ackOnAppend answers at append time");
    }

    @Test
    void aWriteWhoseLeaderLosesLeadershipIsAnsweredUnknown() {
        TestCluster c = TestCluster.of(3, 13);
        NodeId leader = c.electLeader(200);
        c.isolate(leader);
        long put = c.submit(leader, new KvOp.Put("k", "1"));
        c.run(new TestConfig().electionTicksMin * 2 + 2);
        assertTrue(c.reply(put) instanceof Outcome.Unknown, "got " + c.reply(put));
    }

    @Test
    void aFollowerRefusesWritesWithTheLeadersName() {
        TestCluster c = TestCluster.of(3, 14);
        NodeId leader = c.electLeader(200);
        NodeId follower = leader.equals(n(1)) ? n(2) : n(1);
        long put = c.submit(follower, new KvOp.Put("k", "1"));
        assertEquals(new Outcome.NotLeader(leader), c.reply(put));
    }
}
