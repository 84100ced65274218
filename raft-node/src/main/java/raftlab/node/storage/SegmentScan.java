package raftlab.node.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * One log segment read the one way that both start-up ({@link SegmentedLog#open}) and {@link LogRepair} read it, so
 * that repair can never call a log intact that start-up refuses, nor drop what start-up would have kept.
 *
 * @param version2 whether the segment has a version 2 header (one never written counts as version 2: start-up starts it again as one)
 * @param records  the segment's records before its end or its damage, in the order written
 * @param maxIndex the highest entry index among {@code records} (0 when none)
 * @param ending   how the segment ends
 */
record SegmentScan(boolean version2, List<LogRecord> records, long maxIndex, Ending ending) {
    sealed interface Ending {
        /** The segment ends after its last complete record. */
        record Clean() implements Ending {}

        /** The last segment's name reached the disk and its header did not: a crash while it was being started; it holds nothing. */
        record NeverWritten() implements Ending {}

        /** The last segment ends in a write a crash cut short at {@code offset}; it was never acknowledged, so it may be cut off. */
        record Torn(long offset, String why) implements Ending {}

        /** Everything from {@code offset} on cannot be trusted; it may hold acknowledged entries. */
        record Damaged(long offset, String why) implements Ending {}
    }

    /**
     * @param last          whether this is the newest segment (only it may be torn or never written)
     * @param afterVersion2 whether an earlier segment was of version 2: this version never writes a version 1 segment,
     *                      so one after a version 2 segment is damage (a version 2 header that lost its first bytes)
     */
    static SegmentScan of(byte[] data, boolean last, boolean afterVersion2) {
        if (last && SegmentFormat.neverWritten(data)) return new SegmentScan(true, List.of(), 0, new Ending.NeverWritten());
        boolean version2 = SegmentFormat.isVersion2(data);
        if (!version2 && afterVersion2) {
            return new SegmentScan(false, List.of(), 0, new Ending.Damaged(0, "the segment header is not a version 2 segment's"));
        }
        Records.Scan scan = version2 ? SegmentFormat.scan(data) : Records.scan(data);
        List<LogRecord> records = new ArrayList<>(scan.payloads().size());
        long maxIndex = 0;
        for (int r = 0; r < scan.payloads().size(); r++) {
            LogRecord record = LogRecord.fromPayload(scan.payloads().get(r));
            if (record == null) {
                return new SegmentScan(version2, records, maxIndex, new Ending.Damaged(scan.offsets().get(r), "a record has an unknown type"));
            }
            records.add(record);
            if (record.type() == LogRecord.ENTRY) maxIndex = Math.max(maxIndex, record.index());
        }
        Ending ending = endingOf(scan.ending(), last);
        return new SegmentScan(version2, records, maxIndex, ending);
    }

    private static Ending endingOf(Records.Ending ending, boolean last) {
        if (ending instanceof Records.Ending.Corrupt c) return new Ending.Damaged(c.offset(), c.why());
        if (ending instanceof Records.Ending.Torn t) {
            return last ? new Ending.Torn(t.offset(), t.why()) : new Ending.Damaged(t.offset(), t.why() + " in a segment that is not the last");
        }
        return new Ending.Clean();
    }
}
