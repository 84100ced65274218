package raftlab.node.storage;

import java.nio.ByteBuffer;

/**
 * One record of the write-ahead log. An {@link #ENTRY} carries a log entry (its body is the entry's
 * codec bytes); a {@link #SNAPSHOT_MARK} says that a snapshot at ({@code index}, {@code term}) was
 * installed at this point of the log, so that replay drops what that snapshot replaced, in order; its
 * body is one byte, 1 when the log after the snapshot was kept (the log held the snapshot's last entry)
 * and 0 when the whole log was discarded. The decision is recorded rather than recomputed at replay
 * because the entry it was based on may since have been deleted with its segment.
 */
public record LogRecord(byte type, long index, long term, byte[] body) {
    public static final byte ENTRY = 1;
    public static final byte SNAPSHOT_MARK = 2;
    private static final int FIXED_BYTES = 1 + 8 + 8;

    public static LogRecord entry(long index, long term, byte[] body) { return new LogRecord(ENTRY, index, term, body); }

    public static LogRecord snapshotMark(long index, long term, boolean keepsLogAfter) {
        return new LogRecord(SNAPSHOT_MARK, index, term, new byte[] {(byte) (keepsLogAfter ? 1 : 0)});
    }

    public boolean keepsLogAfter() { return body.length == 1 && body[0] == 1; }

    public byte[] toPayload() {
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + body.length);
        out.put(type).putLong(index).putLong(term).put(body);
        return out.array();
    }

    /** Returns null when the payload is not a record this version writes. */
    public static LogRecord fromPayload(byte[] payload) {
        if (payload.length < FIXED_BYTES) return null;
        ByteBuffer in = ByteBuffer.wrap(payload);
        byte type = in.get();
        if (type != ENTRY && type != SNAPSHOT_MARK) return null;
        long index = in.getLong();
        long term = in.getLong();
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new LogRecord(type, index, term, body);
    }
}
