package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import raftlab.raft.kv.KvOp;

class SmokeTest {
    @Test
    void electsReplicatesAndReads() {
        TestCluster c = TestCluster.of(3, 1);
        NodeId leader = c.electLeader(200);
        assertNotNull(leader);
        long put = c.submit(leader, new KvOp.Put("k", "1"));
        c.run(3);
        assertEquals(new Outcome.Ok("1"), c.reply(put));
        long get = c.submit(leader, new KvOp.Get("k"));
        c.run(3);
        assertEquals(new Outcome.Ok("1"), c.reply(get));
        long cas = c.submit(leader, new KvOp.Cas("k", "2", "3"));
        c.run(3);
        assertEquals(new Outcome.Mismatch("1"), c.reply(cas));
        for (RaftServer s : c.servers.values()) assertEquals("1", s.appliedValue("k"));
    }
}
