package raftlab.node.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.raft.HardState;

/**
 * What {@code raft-node repair} does: find where a damaged log stops being trustworthy, say what dropping
 * the rest would lose, and, only when told, drop it and mark the node as rejoining. A node that dropped
 * entries may have acknowledged some of them; with the rejoin index set it grants no votes and does not
 * count toward commitment until a leader has replicated its log past what that leader holds, so the loss
 * cannot take an acknowledged write with it (protocol-aware recovery, Alagappan et al., FAST 2018).
 *
 * <p>It repairs the log only. A damaged or missing hard state or snapshot cannot be rebuilt safely here
 * (the node could vote twice in a term); those are reported as such.
 */
public final class LogRepair {
    /** What repair found; {@link #changes} is empty when the log is intact. */
    public record Plan(List<String> findings, List<String> changes, long keptLastIndex, Path truncate, long truncateAt,
                       List<Path> delete, long lastSegmentKept) {
        public boolean needed() { return !changes.isEmpty(); }
    }

    private LogRepair() {}

    /** Reads {@code dir} and plans the repair; changes nothing. Throws {@link StorageCorruptException} for what it cannot repair. */
    public static Plan plan(FileLayer fs, Path dir) throws IOException {
        DataFiles files = DataFiles.ofGapsAllowed(fs, dir);
        HardStateFile hardState = new HardStateFile(fs, dir);
        hardState.load();
        List<String> findings = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<Long> segments = files.segments();
        long keptLastIndex = 0;
        Path truncate = null;
        long truncateAt = -1;
        List<Path> delete = new ArrayList<>();
        long lastKept = 0;
        int firstDropped = segments.size();
        boolean afterVersion2 = false;
        for (int i = 0; i < segments.size(); i++) {
            long sequence = segments.get(i);
            Path file = dir.resolve(SegmentedLog.name(sequence));
            if (i > 0 && sequence != segments.get(i - 1) + 1) {
                findings.add("the log segment " + SegmentedLog.name(segments.get(i - 1) + 1) + " is missing");
                firstDropped = i;
                break;
            }
            byte[] data = fs.readAll(file);
            SegmentScan scan = SegmentScan.of(data, i == segments.size() - 1, afterVersion2);
            afterVersion2 = scan.version2();
            keptLastIndex = Math.max(keptLastIndex, scan.maxIndex());
            lastKept = sequence;
            // Start-up cuts a torn tail off by itself (it was never acknowledged) and restarts a segment that was never written.
            if (scan.ending() instanceof SegmentScan.Ending.Damaged d) {
                findings.add(file + ": " + d.why() + " at byte offset " + d.offset());
                truncate = file;
                truncateAt = d.offset();
                changes.add("cut " + file + " at byte offset " + d.offset() + " (drops " + (data.length - d.offset())
                        + " bytes: the damaged record and all after it)");
                firstDropped = i + 1;
                break;
            }
        }
        for (int i = firstDropped; i < segments.size(); i++) {
            Path file = dir.resolve(SegmentedLog.name(segments.get(i)));
            delete.add(file);
            changes.add("delete " + file + " (after the damage, so its entries cannot be replayed in order)");
        }
        if (hardState.lastSegment() > lastKept && delete.isEmpty() && truncate == null) {
            findings.add("the newest log segment " + SegmentedLog.name(hardState.lastSegment()) + " is missing");
        }
        if (!findings.isEmpty() && (hardState.lastSegment() > lastKept || !changes.isEmpty())) {
            changes.add("record in " + dir.resolve(HardStateFile.NAME) + " that this node is rejoining: its log now ends at index "
                    + keptLastIndex + " and it may have acknowledged entries after that, so it grants no votes and does not count"
                    + " toward commitment until a leader has replicated its log past what that leader holds");
        }
        return new Plan(findings, changes, keptLastIndex, truncate, truncateAt, delete, lastKept);
    }

    /** Carries out {@code plan}: the rejoin mark first (so that a crash half way leaves a node that will not vote), then the cuts. */
    public static void apply(FileLayer fs, Path dir, Plan plan) throws IOException {
        if (!plan.needed()) return;
        HardStateFile hardState = new HardStateFile(fs, dir);
        HardState state = hardState.load();
        hardState.rewrite(new HardState(state.term(), state.votedFor(), state.commit(), HardState.REJOIN_UNKNOWN), plan.lastSegmentKept());
        if (plan.truncate() != null) {
            try (FileLayer.FileHandle handle = fs.open(plan.truncate())) {
                handle.truncate(plan.truncateAt());
                handle.force();
            }
        }
        for (Path file : plan.delete()) fs.delete(file);
        fs.syncDirectory(dir);
    }
}
