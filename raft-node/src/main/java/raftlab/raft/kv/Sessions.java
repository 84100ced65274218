package raftlab.raft.kv;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import raftlab.raft.Outcome;
import raftlab.raft.codec.ByteReader;
import raftlab.raft.codec.ByteWriter;

/**
 * Client sessions (dissertation section 6.3): the latest sequence number of each client and the
 * answer it got, so that a retried request is applied once and answered the same way.
 *
 * <p>The map is kept in order of the log index that last touched each session (an entry is moved
 * to the end whenever it is used), so the first entry is always the least recently used by log
 * index. Every replica applies the same log, so every replica evicts the same session: no clock
 * is involved.
 */
final class Sessions {
    /** {@code fingerprint}: of the operation that got {@code outcome} (see {@link RequestFingerprint}). */
    record Session(long seq, long lastIndex, Outcome outcome, long fingerprint) {
        boolean sameRequest(long other) { return fingerprint == RequestFingerprint.UNKNOWN || fingerprint == other; }
    }

    private final int maxSessions;
    private final LinkedHashMap<String, Session> byClient = new LinkedHashMap<>();

    Sessions(int maxSessions) {
        if (maxSessions < 1) throw new IllegalArgumentException("maxSessions must be at least 1, not " + maxSessions);
        this.maxSessions = maxSessions;
    }

    Session get(String clientId) { return byClient.get(clientId); }

    void record(String clientId, long seq, long index, Outcome outcome, long fingerprint) {
        byClient.remove(clientId);
        byClient.put(clientId, new Session(seq, index, outcome, fingerprint));
        if (byClient.size() > maxSessions) {
            Iterator<String> eldest = byClient.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** Moves a session to the most recently used end, because a retry at {@code index} used it. */
    void touch(String clientId, long index) {
        Session session = byClient.remove(clientId);
        byClient.put(clientId, new Session(session.seq(), index, session.outcome(), session.fingerprint()));
    }

    int size() { return byClient.size(); }

    void write(ByteWriter w) {
        w.writeVarLong(byClient.size());
        for (Map.Entry<String, Session> e : byClient.entrySet()) {
            Session s = e.getValue();
            w.writeString(e.getKey()).writeVarLong(s.seq()).writeVarLong(s.lastIndex());
            writeOutcome(w, s.outcome());
            w.writeVarLong(s.fingerprint());
        }
    }

    /** {@code withFingerprints}: false for snapshots of format 1, written before sessions kept them. */
    void read(ByteReader r, boolean withFingerprints) {
        byClient.clear();
        int count = r.readCount();
        for (int i = 0; i < count; i++) {
            String clientId = r.readRequiredString("a client id");
            long seq = r.readVarLong();
            long lastIndex = r.readVarLong();
            Outcome outcome = readOutcome(r);
            long fingerprint = withFingerprints ? r.readVarLong() : RequestFingerprint.UNKNOWN;
            byClient.put(clientId, new Session(seq, lastIndex, outcome, fingerprint));
        }
    }

    private static void writeOutcome(ByteWriter w, Outcome outcome) {
        if (outcome instanceof Outcome.Ok ok) w.writeByte(0).writeString(ok.value());
        else if (outcome instanceof Outcome.Mismatch m) w.writeByte(1).writeString(m.actual());
        else if (outcome instanceof Outcome.Unknown u) w.writeByte(2).writeString(u.reason());
        else throw new IllegalStateException("a session never stores the outcome " + outcome);
    }

    private static Outcome readOutcome(ByteReader r) {
        int kind = r.readByte();
        return switch (kind) {
            case 0 -> new Outcome.Ok(r.readString());
            case 1 -> new Outcome.Mismatch(r.readString());
            case 2 -> new Outcome.Unknown(r.readString());
            default -> throw new IllegalArgumentException("unknown session outcome kind " + kind);
        };
    }
}
