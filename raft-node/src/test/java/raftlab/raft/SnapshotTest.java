package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static raftlab.raft.TestCluster.n;

import org.junit.jupiter.api.Test;
import raftlab.raft.Message.InstallSnapshot;
import raftlab.raft.kv.KvOp;

/** Snapshots, compaction, InstallSnapshot in chunks, and restarts from a snapshot. */
class SnapshotTest {

    private static TestConfig snapshotting() {
        TestConfig config = new TestConfig();
        config.snapshotEveryEntries = 10;
        config.snapshotChunkBytes = 32;
        return config;
    }

    @Test
    void installSnapshotBringsAFarBehindFollowerBack() {
        TestCluster c = TestConfig.cluster(3, 31, snapshotting(), Bugs.NONE);
        NodeId leader = c.electLeader(200);
        NodeId lagging = leader.equals(n(3)) ? n(2) : n(3);
        c.crash(lagging);
        for (int i = 0; i < 60; i++) {
            c.submit(leader, "client", i + 1, new KvOp.Put("k" + (i % 7), Integer.toString(i)));
            c.run(1);
        }
        RaftServer l = c.servers.get(leader);
        assertTrue(l.snapshotIndex() > 30, "leader compacted only to " + l.snapshotIndex());

        c.restart(lagging);
        int[] chunks = {0};
        for (int i = 0; i < 60; i++) {
            c.tickAll();
            for (int k = 0; k < 50 && c.deliverAll(m -> {
                if (m instanceof InstallSnapshot s && s.to().equals(lagging)) chunks[0]++;
                return false;
            }) > 0; k++) {
                // deliver until quiet, counting snapshot chunks
            }
        }
        RaftServer f = c.servers.get(lagging);
        assertTrue(chunks[0] > 1, "the snapshot should arrive in several chunks, got " + chunks[0]);
        assertEquals(l.commitIndex(), f.commitIndex());
        assertEquals(l.appliedIndex(), f.appliedIndex());
        for (int k = 0; k < 7; k++) assertEquals(l.appliedValue("k" + k), f.appliedValue("k" + k));
        assertNotNull(c.disks.get(lagging).snapshot, "the follower persisted the snapshot it installed");
        assertTrue(f.snapshotIndex() > 0);
    }

    @Test
    void aServerRestartsFromItsSnapshotWithStateAndSessions() {
        TestCluster c = TestConfig.cluster(1, 32, snapshotting(), Bugs.NONE);
        NodeId leader = c.electLeader(200);
        long first = 0;
        for (int i = 1; i <= 15; i++) {
            long id = c.submit(leader, "client", i, new KvOp.Cas("k", i == 1 ? null : Integer.toString(i - 1), Integer.toString(i)));
            if (i == 15) first = id;
            c.run(1);
        }
        assertEquals(new Outcome.Ok("15"), c.reply(first));
        assertTrue(c.disks.get(leader).snapshot.index() >= 10);
        c.crash(leader);
        c.restart(leader);
        RaftServer s = c.servers.get(leader);
        assertTrue(s.appliedIndex() >= 10, "restarted from the snapshot at " + s.appliedIndex());
        c.electLeader(200); // the commit index is learned again, and the rest of the log applied
        assertEquals("15", s.appliedValue("k"));
        // The retry of request 15 is answered from the session, not applied again (which would be a mismatch).
        long retry = c.submit(leader, "client", 15, new KvOp.Cas("k", "14", "15"));
        c.run(2);
        assertEquals(new Outcome.Ok("15"), c.reply(retry));
    }

    @Test
    void takeSnapshotOnDemandCompactsTheLog() {
        TestCluster c = TestCluster.of(3, 33);
        NodeId leader = c.electLeader(200);
        for (int i = 0; i < 5; i++) c.submit(leader, new KvOp.Put("k", Integer.toString(i)));
        c.run(3);
        long req = c.admin(leader, new AdminCommand.TakeSnapshot());
        assertEquals(new Outcome.Ok(null), c.reply(req));
        RaftServer s = c.servers.get(leader);
        assertEquals(s.appliedIndex(), s.snapshotIndex());
        assertEquals(-1, s.termAt(s.snapshotIndex() - 1), "compacted entries have no known term");
        assertEquals(s.appliedIndex(), c.disks.get(leader).snapshot.index());
    }
}
