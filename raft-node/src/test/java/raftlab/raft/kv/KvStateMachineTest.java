package raftlab.raft.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import raftlab.raft.Command;
import raftlab.raft.Outcome;

class KvStateMachineTest {
    private static Command.Client op(KvOp op) { return new Command.Client(null, 0, op); }

    @Test
    void getPutCasDeleteOnJsonText() {
        KvStateMachine kv = new KvStateMachine(10);
        assertEquals(new Outcome.Ok(null), kv.apply(1, op(new KvOp.Get("k"))));
        assertEquals(new Outcome.Ok("1"), kv.apply(2, op(new KvOp.Cas("k", null, "1"))), "expect null: only if absent");
        assertEquals(new Outcome.Mismatch("1"), kv.apply(3, op(new KvOp.Cas("k", null, "2"))));
        assertEquals(new Outcome.Mismatch("1"), kv.apply(4, op(new KvOp.Cas("k", "\"1\"", "2"))), "JSON 1 is not JSON \"1\"");
        assertEquals(new Outcome.Ok("2"), kv.apply(5, op(new KvOp.Cas("k", "1", "2"))));
        assertEquals(new Outcome.Ok("\"s\""), kv.apply(6, op(new KvOp.Put("k", "\"s\""))));
        assertEquals("\"s\"", kv.get("k"));
        assertEquals(new Outcome.Ok(null), kv.apply(7, op(new KvOp.Delete("k"))));
        assertNull(kv.get("k"));
    }

    @Test
    void snapshotsAreDeterministicAndRestoreStateAndSessions() {
        KvStateMachine a = new KvStateMachine(10);
        KvStateMachine b = new KvStateMachine(10);
        a.apply(1, new Command.Client("c1", 1, new KvOp.Put("z", "1")));
        a.apply(2, new Command.Client("c2", 1, new KvOp.Put("a", "2")));
        b.apply(1, new Command.Client("c1", 1, new KvOp.Put("z", "1")));
        b.apply(2, new Command.Client("c2", 1, new KvOp.Put("a", "2")));
        assertArrayEquals(a.snapshot(), b.snapshot());
        KvStateMachine c = new KvStateMachine(10);
        c.restore(a.snapshot());
        assertArrayEquals(a.snapshot(), c.snapshot());
        assertEquals("2", c.get("a"));
        assertEquals(new Outcome.Ok("1"), c.apply(3, new Command.Client("c1", 1, new KvOp.Put("z", "other"))), "session restored");
        assertEquals("1", c.get("z"));
    }

    @Test
    void garbageSnapshotsAreRejected() {
        KvStateMachine kv = new KvStateMachine(10);
        assertThrows(IllegalArgumentException.class, () -> kv.restore(new byte[] {1, 5}));
        assertThrows(IllegalArgumentException.class, () -> kv.restore(new byte[] {7}));
    }
}
