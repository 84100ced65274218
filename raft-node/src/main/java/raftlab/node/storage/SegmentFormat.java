package raftlab.node.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The framing of a version 2 log segment: an 8-byte segment header ({@code "RLWA"}, then the version
 * 2), then records of {@code length (4), payload CRC32C (4), header CRC32C (4), payload}, the header
 * CRC32C covering the eight bytes before it.
 *
 * <p>The header's own checksum is what lets recovery tell a torn write from damage. Version 1 trusted
 * an unprotected length: one flipped bit in it made a complete, acknowledged record look like a write
 * that ran past the end of the file, and recovery cut it off. Here only an incomplete final write
 * counts as torn: a record (or its header) cut short by the end of the file, or zeros from a record
 * boundary to the end (bytes the file system had allocated but not written because they were never
 * synced). Any other mismatch is damage.
 */
public final class SegmentFormat {
    public static final int MAGIC = 0x524c5741; // "RLWA"
    public static final int VERSION = 2;
    public static final int SEGMENT_HEADER_BYTES = 8;
    public static final int RECORD_HEADER_BYTES = 12;

    private SegmentFormat() {}

    /** Whether {@code data} starts like a version 2 segment (a version 1 segment starts with a length below 0x05000000). */
    public static boolean isVersion2(byte[] data) {
        return data.length >= 4 && ByteBuffer.wrap(data, 0, 4).getInt() == MAGIC;
    }

    /** A file whose header is missing or cut short, and that holds nothing else: a segment a crash interrupted while starting it. */
    public static boolean neverWritten(byte[] data) {
        if (Records.allZero(data, 0)) return true;
        if (data.length >= SEGMENT_HEADER_BYTES) return false;
        byte[] header = segmentHeader().array();
        for (int i = 0; i < data.length; i++) if (data[i] != header[i]) return false;
        return true;
    }

    public static ByteBuffer segmentHeader() {
        return ByteBuffer.allocate(SEGMENT_HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
    }

    public static int framedSize(byte[] payload) { return RECORD_HEADER_BYTES + payload.length; }

    public static void write(ByteBuffer out, byte[] payload) {
        int start = out.position();
        out.putInt(payload.length);
        out.putInt(Records.crc(payload, 0, payload.length));
        byte[] header = new byte[8];
        out.get(start, header);
        out.putInt(Records.crc(header, 0, header.length));
        out.put(payload);
    }

    /** Scans a whole version 2 segment; offsets in the result are byte offsets in the file. */
    public static Records.Scan scan(byte[] data) {
        List<byte[]> payloads = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        if (data.length < SEGMENT_HEADER_BYTES) {
            return new Records.Scan(payloads, offsets, 0, new Records.Ending.Corrupt(0, "the segment header is cut short"));
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        if (in.getInt() != MAGIC || in.getInt() != VERSION) {
            return new Records.Scan(payloads, offsets, 0, new Records.Ending.Corrupt(0, "the segment header is not a version 2 segment's"));
        }
        while (in.hasRemaining()) {
            int start = in.position();
            if (Records.allZero(data, start)) {
                return new Records.Scan(payloads, offsets, start, new Records.Ending.Torn(start, "the file ends in zeros never written"));
            }
            if (in.remaining() < RECORD_HEADER_BYTES) {
                return new Records.Scan(payloads, offsets, start, new Records.Ending.Torn(start, "a record header is cut short"));
            }
            int length = in.getInt();
            int payloadCrc = in.getInt();
            int headerCrc = in.getInt();
            if (Records.crc(data, start, 8) != headerCrc) {
                return new Records.Scan(payloads, offsets, start, new Records.Ending.Corrupt(start, "a record header's CRC32C does not match"));
            }
            if (length <= 0 || length > Records.MAX_PAYLOAD_BYTES) {
                return new Records.Scan(payloads, offsets, start, new Records.Ending.Corrupt(start, "the record length " + length + " is impossible"));
            }
            if (length > in.remaining()) {
                return new Records.Scan(payloads, offsets, start, new Records.Ending.Torn(start, "the last record runs past the end of the file"));
            }
            if (Records.crc(data, in.position(), length) != payloadCrc) {
                return new Records.Scan(payloads, offsets, start, new Records.Ending.Corrupt(start, "a record's payload CRC32C does not match"));
            }
            byte[] payload = new byte[length];
            in.get(payload);
            payloads.add(payload);
            offsets.add((long) start);
        }
        return new Records.Scan(payloads, offsets, data.length, new Records.Ending.Clean());
    }
}
