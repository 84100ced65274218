package raftlab.node.storage;

import java.nio.ByteBuffer;
import raftlab.raft.Command;
import raftlab.raft.Entry;

/** Entries as index and term only, so storage tests do not depend on the wire codec. */
final class TestEntryCodec implements EntryCodec {
    @Override public byte[] encode(Entry entry) {
        return ByteBuffer.allocate(24).putLong(entry.index()).putLong(entry.term()).putLong(entry.index() * 31 + entry.term()).array();
    }

    @Override public Entry decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long index = in.getLong();
        long term = in.getLong();
        if (in.getLong() != index * 31 + term) throw new IllegalStateException("entry body damaged");
        return new Entry(index, term, new Command.Noop());
    }
}
