package raftlab.raft.kv;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import raftlab.raft.Command;
import raftlab.raft.Outcome;
import raftlab.raft.codec.ByteReader;
import raftlab.raft.codec.ByteWriter;

/**
 * The replicated key-value map with its client sessions. Deterministic: the same log gives the
 * same state and the same answers on every replica, and a snapshot is written in key order.
 */
public final class KvStateMachine {
    /** 2: sessions keep the fingerprint of their request; format 1 is still read. */
    private static final int SNAPSHOT_FORMAT = 2;

    private final TreeMap<String, String> values = new TreeMap<>();
    private final Sessions sessions;

    public KvStateMachine(int maxSessions) { this.sessions = new Sessions(maxSessions); }

    /** The value of {@code key} as canonical JSON text, or null when absent. */
    public String get(String key) { return values.get(key); }

    public int size() { return values.size(); }

    public int sessionCount() { return sessions.size(); }

    /**
     * Applies a client command found at log {@code index}. A retry (same client, same sequence
     * number, same operation) is not applied again and gets the first answer; the same sequence
     * number with another operation is not applied and is answered SeqReused; an older sequence
     * number than the session's latest is not applied and is answered Unknown, since its answer was
     * discarded.
     */
    public Outcome apply(long index, Command.Client command) {
        String clientId = command.clientId();
        if (clientId == null) return execute(command.op());
        Sessions.Session session = sessions.get(clientId);
        long fingerprint = RequestFingerprint.of(command.op());
        if (session != null && command.seq() == session.seq()) {
            if (!session.sameRequest(fingerprint)) return reused(command);
            sessions.touch(clientId, index);
            return session.outcome();
        }
        if (session != null && command.seq() < session.seq()) {
            return new Outcome.Unknown("request " + command.seq() + " of client " + clientId
                    + " is older than its latest request " + session.seq() + "; its answer was discarded");
        }
        Outcome outcome = execute(command.op());
        sessions.record(clientId, command.seq(), index, outcome, fingerprint);
        return outcome;
    }

    private static Outcome reused(Command.Client command) {
        return new Outcome.SeqReused("Request-Seq " + command.seq() + " of client " + command.clientId()
                + " was used before for a different request; use a new sequence number for a new request");
    }

    /**
     * The answer {@code command} would get if applied now, without applying it (the ackOnAppend bug
     * answers with it before commit).
     */
    public Outcome preview(Command.Client command) {
        if (command.clientId() != null) {
            Sessions.Session session = sessions.get(command.clientId());
            if (session != null && command.seq() == session.seq()) {
                return session.sameRequest(RequestFingerprint.of(command.op())) ? session.outcome() : reused(command);
            }
        }
        KvOp op = command.op();
        if (op instanceof KvOp.Get g) return new Outcome.Ok(values.get(g.key()));
        if (op instanceof KvOp.Put p) return new Outcome.Ok(p.value());
        if (op instanceof KvOp.Delete) return new Outcome.Ok(null);
        if (op instanceof KvOp.Cas c) {
            String current = values.get(c.key());
            return Objects.equals(current, c.expect()) ? new Outcome.Ok(c.value()) : new Outcome.Mismatch(current);
        }
        throw new IllegalStateException("unknown operation " + op);
    }

    private Outcome execute(KvOp op) {
        if (op instanceof KvOp.Get g) return new Outcome.Ok(values.get(g.key()));
        if (op instanceof KvOp.Put p) {
            set(p.key(), p.value());
            return new Outcome.Ok(p.value());
        }
        if (op instanceof KvOp.Delete d) {
            values.remove(d.key());
            return new Outcome.Ok(null);
        }
        if (op instanceof KvOp.Cas c) {
            String current = values.get(c.key());
            if (!Objects.equals(current, c.expect())) return new Outcome.Mismatch(current);
            set(c.key(), c.value());
            return new Outcome.Ok(c.value());
        }
        throw new IllegalStateException("unknown operation " + op);
    }

    /** A null value means absent, so writing null removes the key. */
    private void set(String key, String value) {
        if (value == null) values.remove(key);
        else values.put(key, value);
    }

    public byte[] snapshot() {
        ByteWriter w = new ByteWriter(64 + values.size() * 16);
        w.writeByte(SNAPSHOT_FORMAT).writeVarLong(values.size());
        for (Map.Entry<String, String> e : values.entrySet()) w.writeString(e.getKey()).writeString(e.getValue());
        sessions.write(w);
        return w.toByteArray();
    }

    /** Replaces the whole state with a snapshot's; rejects malformed data with IllegalArgumentException. */
    public void restore(byte[] data) {
        ByteReader r = new ByteReader(data);
        int format = r.readByte();
        if (format != 1 && format != SNAPSHOT_FORMAT) throw new IllegalArgumentException("unknown key-value snapshot format " + format);
        TreeMap<String, String> restored = new TreeMap<>();
        int count = r.readCount();
        for (int i = 0; i < count; i++) restored.put(r.readRequiredString("a key"), r.readRequiredString("a value"));
        sessions.read(r, format >= 2);
        r.expectEnd();
        values.clear();
        values.putAll(restored);
    }
}
