package raftlab.raft.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import raftlab.raft.Command;
import raftlab.raft.Configuration;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.Message;
import raftlab.raft.NodeId;
import raftlab.raft.Snapshot;
import raftlab.raft.kv.KvOp;

class WireCodecTest {

    @Provide
    Arbitrary<NodeId> ids() { return Arbitraries.of("n1", "n2", "n3", "n42", "nœud").map(NodeId::of); }

    Arbitrary<Long> numbers() { return Arbitraries.oneOf(Arbitraries.longs().between(0, 1000), Arbitraries.longs()); }

    Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ofMaxLength(12), Arbitraries.integers().map(i -> Integer.toString(i)));
    }

    Arbitrary<KvOp> ops() {
        Arbitrary<String> keys = Arbitraries.strings().ofMinLength(1).ofMaxLength(8);
        return Arbitraries.oneOf(
                keys.map(KvOp.Get::new),
                Combinators.combine(keys, values()).as(KvOp.Put::new),
                Combinators.combine(keys, values(), values()).as(KvOp.Cas::new),
                keys.map(KvOp.Delete::new));
    }

    Arbitrary<Configuration> configurations() {
        return Combinators.combine(ids().list().ofMaxSize(4), ids().list().ofMaxSize(2)).as(Configuration::new);
    }

    @Provide
    Arbitrary<Entry> entries() {
        Arbitrary<Command> commands = Arbitraries.oneOf(
                Arbitraries.just(new Command.Noop()),
                configurations().map(Command.ConfigChange::new),
                Combinators.combine(values(), numbers(), ops()).as(Command.Client::new));
        return Combinators.combine(numbers(), numbers(), commands).as(Entry::new);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Boolean> b = Arbitraries.of(true, false);
        return Arbitraries.oneOf(
                Combinators.combine(numbers(), ids(), ids(), numbers(), numbers(), b, b).as(Message.VoteRequest::new),
                Combinators.combine(numbers(), ids(), ids(), b, b, values()).as(Message.VoteResponse::new),
                Combinators.combine(numbers(), ids(), ids(), numbers(), numbers(), entries().list().ofMaxSize(5), numbers(), numbers())
                        .as(Message.AppendEntries::new)
                        .flatMap(m -> rejoinIndexes().map(r -> new Message.AppendEntries(m.term(), m.from(), m.to(), m.prevLogIndex(),
                                m.prevLogTerm(), m.entries(), m.leaderCommit(), m.readContext(), r))),
                Combinators.combine(numbers(), ids(), ids(), b, numbers(), numbers(), numbers(), numbers()).as(Message.AppendResponse::new)
                        .flatMap(m -> rejoinIndexes().map(r -> new Message.AppendResponse(m.term(), m.from(), m.to(), m.success(),
                                m.matchIndex(), m.conflictTerm(), m.conflictIndex(), m.readContext(), r))),
                Combinators.combine(numbers(), ids(), ids(), numbers(), numbers(), configurations(), numbers(),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).as((t, f, to, i, lt, c, o, d) ->
                        new Message.InstallSnapshot(t, f, to, i, lt, c, o, d, d.length % 2 == 0)),
                Combinators.combine(numbers(), ids(), ids(), numbers(), numbers(), b).as(Message.SnapshotResponse::new),
                Combinators.combine(numbers(), ids(), ids()).as(Message.TimeoutNow::new));
    }

    /** Mostly 0 (not rejoining), as in a running cluster. */
    Arbitrary<Long> rejoinIndexes() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs().between(1, Long.MAX_VALUE)));
    }

    @Property(tries = 500)
    void messagesRoundTrip(@ForAll("messages") Message message) {
        Message decoded = WireCodec.decodeMessage(WireCodec.encode(message));
        if (message instanceof Message.InstallSnapshot s) {
            Message.InstallSnapshot d = (Message.InstallSnapshot) decoded;
            assertArrayEquals(s.data(), d.data());
            assertEquals(new Message.InstallSnapshot(s.term(), s.from(), s.to(), s.lastIncludedIndex(), s.lastIncludedTerm(),
                    s.configuration(), s.offset(), d.data(), s.done()), d);
        } else {
            assertEquals(message, decoded);
        }
    }

    @Property(tries = 300)
    void entriesRoundTrip(@ForAll("entries") Entry entry) {
        assertEquals(entry, WireCodec.decodeEntry(WireCodec.encode(entry)));
    }

    @Property(tries = 100)
    void hardStatesAndSnapshotsRoundTrip(@ForAll("ids") NodeId vote, @ForAll long term, @ForAll boolean voted) {
        HardState state = new HardState(term, voted ? vote : null, Math.abs(term / 3), voted ? 0 : Math.abs(term / 7));
        assertEquals(state, WireCodec.decodeHardState(WireCodec.encode(state)));
        Snapshot snapshot = new Snapshot(term, 7, new Configuration(List.of(vote), List.of()), new byte[] {1, 2, (byte) term});
        Snapshot decoded = WireCodec.decodeSnapshot(WireCodec.encode(snapshot));
        assertEquals(snapshot.index(), decoded.index());
        assertEquals(snapshot.configuration(), decoded.configuration());
        assertArrayEquals(snapshot.data(), decoded.data());
    }

    /** Random bytes either decode to something or are rejected with IllegalArgumentException, never anything else. */
    @Property(tries = 2000)
    void garbageIsRejectedWithIllegalArgument(@ForAll byte[] bytes) {
        try {
            WireCodec.decodeMessage(bytes);
        } catch (IllegalArgumentException expected) {
            // rejected, as promised
        }
        try {
            WireCodec.decodeEntry(bytes);
        } catch (IllegalArgumentException expected) {
            // rejected, as promised
        }
    }

    @Property(tries = 300)
    void everyTruncationOfAValidMessageIsRejected(@ForAll("messages") Message message) {
        byte[] bytes = WireCodec.encode(message);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
            assertThrows(IllegalArgumentException.class, () -> WireCodec.decodeMessage(truncated), "accepted " + cut + " of " + bytes.length + " bytes");
        }
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> WireCodec.decodeMessage(longer));
    }

    @org.junit.jupiter.api.Test
    void wrongVersionAndKindAreRejected() {
        byte[] entry = WireCodec.encode(new Entry(1, 1, new Command.Noop()));
        assertThrows(IllegalArgumentException.class, () -> WireCodec.decodeHardState(entry));
        byte[] future = entry.clone();
        future[0] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WireCodec.decodeEntry(future));
        assertEquals("unsupported format version 9 (expected 1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WireCodec.decodeMessage(null));
        assertThrows(IllegalArgumentException.class, () -> WireCodec.decodeMessage(new byte[0]));
    }

    @org.junit.jupiter.api.Test
    void aHeartbeatIsSmall() {
        List<Entry> none = new ArrayList<>();
        byte[] bytes = WireCodec.encode(new Message.AppendEntries(12, NodeId.of("n1"), NodeId.of("n2"), 1000, 12, none, 1000, 77));
        assertEquals(true, bytes.length <= 20, bytes.length + " bytes for a heartbeat");
    }
}
