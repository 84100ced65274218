package raftlab.node.storage;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import raftlab.raft.HardState;
import raftlab.raft.NodeId;

/**
 * The file {@code hardstate}: term, vote, commit, rejoin index and the newest log segment's number,
 * replaced whole by write-temp, fsync, rename, directory fsync. It is rewritten only when the term,
 * the vote or the rejoin index changes, or a new segment is started (the commit index is kept for
 * information only and the core never trusts it beyond the log), so elections cost three fsyncs and
 * ordinary replication none.
 *
 * <p>The segment number lets recovery notice a lost last segment: segments are numbered in order
 * and only the oldest are ever deleted, so the newest on disk must be at least the one recorded here.
 * Files written before the rejoin index and segment number existed end after the vote; they read as 0.
 */
public final class HardStateFile {
    static final String NAME = "hardstate";
    static final String TEMP = "hardstate.tmp";

    private final FileLayer fs;
    private final Path dir;
    private HardState stored = HardState.INITIAL;
    private long lastSegment;
    private boolean found;

    public HardStateFile(FileLayer fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    public HardState load() throws IOException {
        Path file = dir.resolve(NAME);
        if (fs.exists(dir.resolve(TEMP))) fs.delete(dir.resolve(TEMP));
        if (!fs.exists(file)) return stored = HardState.INITIAL;
        found = true;
        byte[] bytes = fs.readAll(file);
        Records.Scan scan = Records.scan(bytes);
        if (scan.payloads().size() != 1 || !(scan.ending() instanceof Records.Ending.Clean)) {
            throw corrupt(file);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(scan.payloads().get(0));
            long term = in.getLong();
            long commit = in.getLong();
            int voteLength = in.getInt();
            NodeId vote = null;
            if (voteLength >= 0) {
                byte[] name = new byte[voteLength];
                in.get(name);
                vote = NodeId.of(new String(name, StandardCharsets.UTF_8));
            }
            long rejoinIndex = in.hasRemaining() ? in.getLong() : 0;
            lastSegment = in.hasRemaining() ? in.getLong() : 0;
            return stored = new HardState(term, vote, commit, rejoinIndex);
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw corrupt(file);
        }
    }

    private static StorageCorruptException corrupt(Path file) {
        return new StorageCorruptException("the hard state file " + file + " is corrupt (its CRC32C or its contents do not check out)"
                + "; restore this data directory from a backup, or remove it and add the node back as a new member");
    }

    /** Whether a hard state file was there at {@link #load} (a non-empty log without one has lost it). */
    public boolean found() { return found; }

    /** The newest segment number recorded, 0 when none was (a file of an older version). */
    public long lastSegment() { return lastSegment; }

    /** Returns whether anything was written: only a change of term, vote or rejoin index is worth three fsyncs. */
    public boolean save(HardState state) throws IOException {
        if (state.term() == stored.term() && Objects.equals(state.votedFor(), stored.votedFor())
                && state.rejoinIndex() == stored.rejoinIndex()) return false;
        write(state, lastSegment);
        return true;
    }

    /** Records that segment {@code sequence} now exists (its name is durable already). */
    public void recordSegment(long sequence) throws IOException {
        if (sequence > lastSegment) write(stored, sequence);
    }

    /** Replaces the file with {@code state} and {@code segment} as given, even a lower segment number (repair only). */
    void rewrite(HardState state, long segment) throws IOException { write(state, segment); }

    private void write(HardState state, long segment) throws IOException {
        byte[] vote = state.votedFor() == null ? null : state.votedFor().value().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + 8 + 4 + (vote == null ? 0 : vote.length) + 8 + 8);
        payload.putLong(state.term()).putLong(state.commit()).putInt(vote == null ? -1 : vote.length);
        if (vote != null) payload.put(vote);
        payload.putLong(state.rejoinIndex()).putLong(segment);
        ByteBuffer framed = ByteBuffer.allocate(Records.HEADER_BYTES + payload.capacity());
        Records.write(framed, payload.array());
        framed.flip();
        Path temp = dir.resolve(TEMP);
        fs.delete(temp);
        try (FileLayer.FileHandle out = fs.open(temp)) {
            out.append(framed);
            out.force();
        }
        fs.rename(temp, dir.resolve(NAME));
        fs.syncDirectory(dir);
        stored = state;
        lastSegment = segment;
        found = true;
    }
}
