package raftlab.raft.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import raftlab.raft.Command;
import raftlab.raft.Outcome;
import raftlab.raft.codec.ByteWriter;

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
        c.apply(3, new Command.Client("c3", 1, new KvOp.Put("z", "3")));
        assertEquals(new Outcome.Ok("1"), c.apply(4, new Command.Client("c1", 1, new KvOp.Put("z", "1"))), "session restored");
        assertEquals("3", c.get("z"));
    }

    @Test
    void aSequenceNumberReusedForAnotherRequestIsRefusedAndAppliesNothing() {
        KvStateMachine kv = new KvStateMachine(10);
        assertEquals(new Outcome.Ok("1"), kv.apply(1, new Command.Client("c1", 1, new KvOp.Put("k", "1"))));
        kv.apply(2, new Command.Client(null, 0, new KvOp.Put("k", "7")));
        for (KvOp other : new KvOp[] {new KvOp.Put("k", "2"), new KvOp.Put("j", "1"), new KvOp.Delete("k"), new KvOp.Cas("k", "1", "2")}) {
            Outcome outcome = kv.apply(3, new Command.Client("c1", 1, other));
            assertInstanceOf(Outcome.SeqReused.class, outcome, other.toString());
            assertInstanceOf(Outcome.SeqReused.class, kv.preview(new Command.Client("c1", 1, other)), other.toString());
        }
        assertEquals("7", kv.get("k"));
        // The real retry still gets its first answer, and the next number is a new request.
        assertEquals(new Outcome.Ok("1"), kv.apply(4, new Command.Client("c1", 1, new KvOp.Put("k", "1"))));
        assertEquals(new Outcome.Ok("2"), kv.apply(5, new Command.Client("c1", 2, new KvOp.Put("k", "2"))));
    }

    @Test
    void fingerprintsSeparateFieldsAndNull() {
        assertNotEquals(RequestFingerprint.of(new KvOp.Cas("k", "ab", "c")), RequestFingerprint.of(new KvOp.Cas("k", "a", "bc")));
        assertNotEquals(RequestFingerprint.of(new KvOp.Cas("k", null, "1")), RequestFingerprint.of(new KvOp.Cas("k", "", "1")));
        assertNotEquals(RequestFingerprint.of(new KvOp.Get("k")), RequestFingerprint.of(new KvOp.Delete("k")));
        assertEquals(RequestFingerprint.of(new KvOp.Put("k", "1")), RequestFingerprint.of(new KvOp.Put("k", "1")));
    }

    @Test
    void aSnapshotOfTheFirstFormatIsStillRead() {
        ByteWriter w = new ByteWriter(64);
        w.writeByte(1).writeVarLong(1).writeString("k").writeString("1");
        w.writeVarLong(1).writeString("c1").writeVarLong(4).writeVarLong(9).writeByte(0).writeString("1");
        KvStateMachine kv = new KvStateMachine(10);
        kv.restore(w.toByteArray());
        assertEquals("1", kv.get("k"));
        // Without a fingerprint the session cannot tell another request from a retry: it answers as before.
        assertEquals(new Outcome.Ok("1"), kv.apply(10, new Command.Client("c1", 4, new KvOp.Put("k", "1"))));
    }

    @Test
    void garbageSnapshotsAreRejected() {
        KvStateMachine kv = new KvStateMachine(10);
        assertThrows(IllegalArgumentException.class, () -> kv.restore(new byte[] {1, 5}));
        assertThrows(IllegalArgumentException.class, () -> kv.restore(new byte[] {7}));
    }
}
