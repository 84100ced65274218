package raftlab.raft.codec;

import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.Message;
import raftlab.raft.Snapshot;

/**
 * Binary encoding of messages, entries, hard state and snapshots, shared by the node's
 * write-ahead log and its peer transport. Pure: byte arrays in and out.
 */
public final class WireCodec {
    private WireCodec() {}

    public static byte[] encode(Message message) { throw new UnsupportedOperationException(); }

    public static Message decodeMessage(byte[] bytes) { throw new UnsupportedOperationException(); }

    public static byte[] encode(Entry entry) { throw new UnsupportedOperationException(); }

    public static Entry decodeEntry(byte[] bytes) { throw new UnsupportedOperationException(); }

    public static byte[] encode(HardState state) { throw new UnsupportedOperationException(); }

    public static HardState decodeHardState(byte[] bytes) { throw new UnsupportedOperationException(); }

    public static byte[] encode(Snapshot snapshot) { throw new UnsupportedOperationException(); }

    public static Snapshot decodeSnapshot(byte[] bytes) { throw new UnsupportedOperationException(); }
}
