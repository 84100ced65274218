package raftlab.node.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a data directory holds, checked before anything is read: every name must be one this node
 * writes, and the log segments must be numbered without a gap (only the oldest are ever deleted).
 * A stranger file means someone put it there or a different program shares the directory; either
 * way guessing is worse than asking.
 */
public record DataFiles(Path dir, List<Long> segments) {
    /** Names written by {@link DataDirectory}, {@link HardStateFile} and {@link SnapshotStore}, and one a file system makes. */
    private static final List<String> FIXED = List.of(DataDirectory.LOCK, DataDirectory.META, DataDirectory.META_TEMP, HardStateFile.NAME,
            HardStateFile.TEMP, SnapshotStore.TEMP, "lost+found");

    public static DataFiles of(FileLayer fs, Path dir) throws IOException {
        DataFiles files = ofGapsAllowed(fs, dir);
        List<Long> segments = files.segments();
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i) != segments.get(i - 1) + 1) {
                throw new StorageCorruptException("the log segment " + dir.resolve(SegmentedLog.name(segments.get(i - 1) + 1))
                        + " is missing between " + SegmentedLog.name(segments.get(i - 1)) + " and " + SegmentedLog.name(segments.get(i))
                        + "; restore this data directory from a replica's copy, or run 'raft-node repair --data-dir " + dir + "'");
            }
        }
        return files;
    }

    /** The same without the check for gaps, for repair, which handles them. */
    static DataFiles ofGapsAllowed(FileLayer fs, Path dir) throws IOException {
        List<Long> segments = new ArrayList<>();
        for (String name : fs.list(dir)) {
            if (FIXED.contains(name) || SnapshotStore.indexOfName(name) >= 0) continue;
            long sequence = SegmentedLog.sequenceOf(name);
            if (sequence < 0) {
                throw new StorageCorruptException("the data directory " + dir + " holds a file raft-node does not write ("
                        + name + "); move it out of the directory (or check that --data-dir names the right one) and start again");
            }
            segments.add(sequence);
        }
        segments.sort(null);
        return new DataFiles(dir, List.copyOf(segments));
    }

    /** The newest segment's number, 0 when there is none. */
    public long lastSegment() { return segments.isEmpty() ? 0 : segments.get(segments.size() - 1); }
}
