package raftlab.raft.codec;

import java.util.ArrayList;
import java.util.List;
import raftlab.raft.Command;
import raftlab.raft.Configuration;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.Message;
import raftlab.raft.NodeId;
import raftlab.raft.Snapshot;
import raftlab.raft.kv.KvOp;

/**
 * Binary encoding of messages, entries, hard state and snapshots, shared by the node's
 * write-ahead log and its peer transport. Pure: byte arrays in and out.
 *
 * <p>Every value starts with a format version byte and a kind byte, so that a reader can reject
 * bytes of another kind or version; numbers are unsigned varints. Decoding rejects anything
 * malformed, truncated or followed by trailing bytes with an {@link IllegalArgumentException}.
 */
public final class WireCodec {
    public static final int VERSION = 1;

    private static final int VOTE_REQUEST = 1, VOTE_RESPONSE = 2, APPEND_ENTRIES = 3, APPEND_RESPONSE = 4,
            INSTALL_SNAPSHOT = 5, SNAPSHOT_RESPONSE = 6, TIMEOUT_NOW = 7;
    /**
     * The same with a rejoin index at the end. Kinds of their own, not an optional field, so that a cut-short message
     * is still rejected, and so that nodes of the previous version read every message of a node that is not rejoining.
     */
    private static final int APPEND_ENTRIES_REJOIN = 8, APPEND_RESPONSE_REJOIN = 9;
    private static final int ENTRY = 16, HARD_STATE = 17, SNAPSHOT = 18, HARD_STATE_REJOIN = 19;

    private WireCodec() {}

    public static byte[] encode(Message message) {
        ByteWriter w = new ByteWriter(64);
        w.writeByte(VERSION);
        // Java 17 has no pattern switch; Message is sealed, so the final branch is unreachable until a new kind appears.
        if (message instanceof Message.VoteRequest m) {
            header(w, VOTE_REQUEST, m);
            w.writeVarLong(m.lastLogIndex()).writeVarLong(m.lastLogTerm()).writeBoolean(m.preVote()).writeBoolean(m.transfer());
        } else if (message instanceof Message.VoteResponse m) {
            header(w, VOTE_RESPONSE, m);
            w.writeBoolean(m.preVote()).writeBoolean(m.granted()).writeString(m.reason());
        } else if (message instanceof Message.AppendEntries m) {
            header(w, m.rejoinIndex() == 0 ? APPEND_ENTRIES : APPEND_ENTRIES_REJOIN, m);
            w.writeVarLong(m.prevLogIndex()).writeVarLong(m.prevLogTerm());
            w.writeVarLong(m.entries().size());
            for (Entry entry : m.entries()) writeEntry(w, entry);
            w.writeVarLong(m.leaderCommit()).writeVarLong(m.readContext());
            if (m.rejoinIndex() != 0) w.writeVarLong(m.rejoinIndex());
        } else if (message instanceof Message.AppendResponse m) {
            header(w, m.rejoinIndex() == 0 ? APPEND_RESPONSE : APPEND_RESPONSE_REJOIN, m);
            w.writeBoolean(m.success()).writeVarLong(m.matchIndex()).writeVarLong(m.conflictTerm())
                    .writeVarLong(m.conflictIndex()).writeVarLong(m.readContext());
            if (m.rejoinIndex() != 0) w.writeVarLong(m.rejoinIndex());
        } else if (message instanceof Message.InstallSnapshot m) {
            header(w, INSTALL_SNAPSHOT, m);
            w.writeVarLong(m.lastIncludedIndex()).writeVarLong(m.lastIncludedTerm());
            writeConfiguration(w, m.configuration());
            w.writeVarLong(m.offset()).writeBytes(m.data()).writeBoolean(m.done());
        } else if (message instanceof Message.SnapshotResponse m) {
            header(w, SNAPSHOT_RESPONSE, m);
            w.writeVarLong(m.lastIncludedIndex()).writeVarLong(m.nextOffset()).writeBoolean(m.done());
        } else if (message instanceof Message.TimeoutNow m) {
            header(w, TIMEOUT_NOW, m);
        } else {
            throw new IllegalArgumentException("cannot encode " + message);
        }
        return w.toByteArray();
    }

    public static Message decodeMessage(byte[] bytes) {
        ByteReader r = reader(bytes);
        int kind = r.readByte();
        long term = r.readVarLong();
        NodeId from = readNodeId(r);
        NodeId to = readNodeId(r);
        Message message = switch (kind) {
            case VOTE_REQUEST -> new Message.VoteRequest(term, from, to, r.readVarLong(), r.readVarLong(), r.readBoolean(), r.readBoolean());
            case VOTE_RESPONSE -> new Message.VoteResponse(term, from, to, r.readBoolean(), r.readBoolean(), r.readString());
            case APPEND_ENTRIES, APPEND_ENTRIES_REJOIN -> {
                long prevIndex = r.readVarLong();
                long prevTerm = r.readVarLong();
                int count = r.readCount();
                List<Entry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) entries.add(readEntry(r));
                long leaderCommit = r.readVarLong();
                long readContext = r.readVarLong();
                yield new Message.AppendEntries(term, from, to, prevIndex, prevTerm, entries, leaderCommit, readContext,
                        kind == APPEND_ENTRIES_REJOIN ? r.readVarLong() : 0);
            }
            case APPEND_RESPONSE, APPEND_RESPONSE_REJOIN -> new Message.AppendResponse(term, from, to, r.readBoolean(), r.readVarLong(),
                    r.readVarLong(), r.readVarLong(), r.readVarLong(), kind == APPEND_RESPONSE_REJOIN ? r.readVarLong() : 0);
            case INSTALL_SNAPSHOT -> new Message.InstallSnapshot(term, from, to, r.readVarLong(), r.readVarLong(),
                    readConfiguration(r), r.readVarLong(), r.readBytes(), r.readBoolean());
            case SNAPSHOT_RESPONSE -> new Message.SnapshotResponse(term, from, to, r.readVarLong(), r.readVarLong(), r.readBoolean());
            case TIMEOUT_NOW -> new Message.TimeoutNow(term, from, to);
            default -> throw new IllegalArgumentException("unknown message kind " + kind);
        };
        r.expectEnd();
        return message;
    }

    public static byte[] encode(Entry entry) {
        ByteWriter w = new ByteWriter(32);
        w.writeByte(VERSION).writeByte(ENTRY);
        writeEntry(w, entry);
        return w.toByteArray();
    }

    public static Entry decodeEntry(byte[] bytes) {
        ByteReader r = reader(bytes);
        expectKind(r, ENTRY, "an entry");
        Entry entry = readEntry(r);
        r.expectEnd();
        return entry;
    }

    public static byte[] encode(HardState state) {
        ByteWriter w = new ByteWriter(24);
        w.writeByte(VERSION).writeByte(state.rejoinIndex() == 0 ? HARD_STATE : HARD_STATE_REJOIN).writeVarLong(state.term());
        w.writeString(state.votedFor() == null ? null : state.votedFor().value());
        w.writeVarLong(state.commit());
        if (state.rejoinIndex() != 0) w.writeVarLong(state.rejoinIndex());
        return w.toByteArray();
    }

    public static HardState decodeHardState(byte[] bytes) {
        ByteReader r = reader(bytes);
        int kind = r.readByte();
        if (kind != HARD_STATE && kind != HARD_STATE_REJOIN) {
            throw new IllegalArgumentException("expected a hard state (kind " + HARD_STATE + ") but found kind " + kind);
        }
        long term = r.readVarLong();
        String vote = r.readString();
        long commit = r.readVarLong();
        long rejoinIndex = kind == HARD_STATE_REJOIN ? r.readVarLong() : 0;
        HardState state = new HardState(term, vote == null ? null : nodeId(vote), commit, rejoinIndex);
        r.expectEnd();
        return state;
    }

    public static byte[] encode(Snapshot snapshot) {
        ByteWriter w = new ByteWriter(snapshot.data().length + 32);
        w.writeByte(VERSION).writeByte(SNAPSHOT).writeVarLong(snapshot.index()).writeVarLong(snapshot.term());
        writeConfiguration(w, snapshot.configuration());
        w.writeBytes(snapshot.data());
        return w.toByteArray();
    }

    public static Snapshot decodeSnapshot(byte[] bytes) {
        ByteReader r = reader(bytes);
        expectKind(r, SNAPSHOT, "a snapshot");
        Snapshot snapshot = new Snapshot(r.readVarLong(), r.readVarLong(), readConfiguration(r), r.readBytes());
        r.expectEnd();
        return snapshot;
    }

    // ---- parts shared by several kinds ----

    private static ByteReader reader(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int version = r.readByte();
        if (version != VERSION) throw new IllegalArgumentException("unsupported format version " + version + " (expected " + VERSION + ")");
        return r;
    }

    private static void expectKind(ByteReader r, int kind, String what) {
        int actual = r.readByte();
        if (actual != kind) throw new IllegalArgumentException("expected " + what + " (kind " + kind + ") but found kind " + actual);
    }

    private static void header(ByteWriter w, int kind, Message m) {
        w.writeByte(kind).writeVarLong(m.term()).writeString(m.from().value()).writeString(m.to().value());
    }

    private static NodeId readNodeId(ByteReader r) { return nodeId(r.readRequiredString("a node id")); }

    private static NodeId nodeId(String value) {
        if (value.isBlank()) throw new IllegalArgumentException("a node id must not be blank");
        return new NodeId(value);
    }

    public static void writeEntry(ByteWriter w, Entry entry) {
        w.writeVarLong(entry.index()).writeVarLong(entry.term());
        Command command = entry.command();
        if (command instanceof Command.Noop) {
            w.writeByte(0);
        } else if (command instanceof Command.ConfigChange c) {
            w.writeByte(1);
            writeConfiguration(w, c.configuration());
        } else if (command instanceof Command.Client c) {
            w.writeByte(2).writeString(c.clientId()).writeVarLong(c.seq());
            writeOp(w, c.op());
        } else {
            throw new IllegalArgumentException("cannot encode command " + command);
        }
    }

    public static Entry readEntry(ByteReader r) {
        long index = r.readVarLong();
        long term = r.readVarLong();
        int kind = r.readByte();
        Command command = switch (kind) {
            case 0 -> new Command.Noop();
            case 1 -> new Command.ConfigChange(readConfiguration(r));
            case 2 -> new Command.Client(r.readString(), r.readVarLong(), readOp(r));
            default -> throw new IllegalArgumentException("unknown command kind " + kind);
        };
        return new Entry(index, term, command);
    }

    private static void writeOp(ByteWriter w, KvOp op) {
        if (op instanceof KvOp.Get g) w.writeByte(0).writeString(g.key());
        else if (op instanceof KvOp.Put p) w.writeByte(1).writeString(p.key()).writeString(p.value());
        else if (op instanceof KvOp.Cas c) w.writeByte(2).writeString(c.key()).writeString(c.expect()).writeString(c.value());
        else if (op instanceof KvOp.Delete d) w.writeByte(3).writeString(d.key());
        else throw new IllegalArgumentException("cannot encode operation " + op);
    }

    private static KvOp readOp(ByteReader r) {
        int kind = r.readByte();
        return switch (kind) {
            case 0 -> new KvOp.Get(r.readRequiredString("a key"));
            case 1 -> new KvOp.Put(r.readRequiredString("a key"), r.readString());
            case 2 -> new KvOp.Cas(r.readRequiredString("a key"), r.readString(), r.readString());
            case 3 -> new KvOp.Delete(r.readRequiredString("a key"));
            default -> throw new IllegalArgumentException("unknown key-value operation kind " + kind);
        };
    }

    public static void writeConfiguration(ByteWriter w, Configuration configuration) {
        writeIds(w, configuration.voters());
        writeIds(w, configuration.learners());
    }

    public static Configuration readConfiguration(ByteReader r) {
        List<NodeId> voters = readIds(r);
        return new Configuration(voters, readIds(r));
    }

    private static void writeIds(ByteWriter w, List<NodeId> ids) {
        w.writeVarLong(ids.size());
        for (NodeId id : ids) w.writeString(id.value());
    }

    private static List<NodeId> readIds(ByteReader r) {
        int count = r.readCount();
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) ids.add(readNodeId(r));
        return ids;
    }
}
