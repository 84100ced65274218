package raftlab.node.storage;

import raftlab.raft.Entry;
import raftlab.raft.codec.WireCodec;

/** How entries become record bodies: the wire codec in the node; tests may hand in their own. */
public interface EntryCodec {
    byte[] encode(Entry entry);

    Entry decode(byte[] bytes);

    EntryCodec WIRE = new EntryCodec() {
        @Override public byte[] encode(Entry entry) { return WireCodec.encode(entry); }

        @Override public Entry decode(byte[] bytes) { return WireCodec.decodeEntry(bytes); }
    };
}
