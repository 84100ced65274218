package raftlab.node.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Version 1 framing: a 4-byte payload length, a 4-byte CRC32C of the payload, then the payload. The
 * hard state file still uses it (it is replaced whole by rename, so it is never torn, and any damage
 * shows as a scan that does not end clean after one record). Log segments written before version 2
 * ({@link SegmentFormat}) are still read with it; its weakness is that the length is unprotected, so
 * a scan cannot tell a damaged length from a torn write.
 */
public final class Records {
    public static final int HEADER_BYTES = 8;
    /** No record is larger; a bigger length field is itself a sign of damage. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private Records() {}

    public static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    public static void write(ByteBuffer out, byte[] payload) {
        out.putInt(payload.length);
        out.putInt(crc(payload, 0, payload.length));
        out.put(payload);
    }

    public static int framedSize(byte[] payload) { return HEADER_BYTES + payload.length; }

    /** What a scan of one file found. */
    public sealed interface Ending {
        /** The file ends exactly after its last complete record. */
        record Clean() implements Ending {}

        /** A crash cut the last write short at {@code offset}; everything from there on was never acknowledged. */
        record Torn(long offset, String why) implements Ending {}

        /** A record at {@code offset} is complete but damaged. */
        record Corrupt(long offset, String why) implements Ending {}
    }

    /** The payloads of a file's valid records, each with its starting offset, and how the file ends. */
    public record Scan(List<byte[]> payloads, List<Long> offsets, long validBytes, Ending ending) {}

    public static Scan scan(byte[] data) {
        List<byte[]> payloads = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(data);
        while (in.hasRemaining()) {
            int start = in.position();
            if (in.remaining() < HEADER_BYTES) {
                return new Scan(payloads, offsets, start, new Records.Ending.Torn(start, "a record header is cut short"));
            }
            int length = in.getInt();
            int expected = in.getInt();
            if (length == 0 && expected == 0 && allZero(data, start)) {
                return new Scan(payloads, offsets, start, new Records.Ending.Torn(start, "the file ends in zeros never written"));
            }
            if (length <= 0 || length > MAX_PAYLOAD_BYTES) {
                return new Scan(payloads, offsets, start, new Records.Ending.Corrupt(start, "the record length " + length + " is impossible"));
            }
            if (length > in.remaining()) {
                return new Scan(payloads, offsets, start, new Records.Ending.Torn(start, "the last record runs past the end of the file"));
            }
            int actual = crc(data, in.position(), length);
            if (actual != expected) {
                return new Scan(payloads, offsets, start, new Records.Ending.Corrupt(start, "the record's CRC32C does not match"));
            }
            byte[] payload = new byte[length];
            in.get(payload);
            payloads.add(payload);
            offsets.add((long) start);
        }
        return new Scan(payloads, offsets, data.length, new Records.Ending.Clean());
    }

    static boolean allZero(byte[] data, int from) {
        for (int i = from; i < data.length; i++) if (data[i] != 0) return false;
        return true;
    }
}
