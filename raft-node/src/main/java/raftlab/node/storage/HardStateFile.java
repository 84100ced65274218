package raftlab.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import raftlab.raft.HardState;
import raftlab.raft.NodeId;

/**
 * The file {@code hardstate}: term, vote and commit, replaced whole by write-temp, fsync, rename,
 * directory fsync. It is rewritten only when the term or the vote changes (the commit index is kept
 * for information only and the core never trusts it beyond the log), so elections cost three fsyncs
 * and ordinary replication none.
 */
public final class HardStateFile {
    private static final String NAME = "hardstate";
    private static final String TEMP = "hardstate.tmp";

    private final FileLayer fs;
    private final Path dir;
    private HardState stored = HardState.INITIAL;

    public HardStateFile(FileLayer fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    public HardState load() throws IOException {
        Path file = dir.resolve(NAME);
        if (fs.exists(dir.resolve(TEMP))) fs.delete(dir.resolve(TEMP));
        if (!fs.exists(file)) return stored = HardState.INITIAL;
        byte[] bytes = fs.readAll(file);
        Records.Scan scan = Records.scan(bytes);
        if (scan.payloads().size() != 1 || !(scan.ending() instanceof Records.Ending.Clean)) {
            throw new StorageCorruptException("the hard state file " + file + " is corrupt (its CRC32C does not match)"
                    + "; restore this data directory from a backup, or remove it and add the node back as a new member");
        }
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
        return stored = new HardState(term, vote, commit);
    }

    /** Returns whether anything was written: only a change of term or vote is worth three fsyncs. */
    public boolean save(HardState state) throws IOException {
        if (state.term() == stored.term() && java.util.Objects.equals(state.votedFor(), stored.votedFor())) return false;
        byte[] vote = state.votedFor() == null ? null : state.votedFor().value().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + 8 + 4 + (vote == null ? 0 : vote.length));
        payload.putLong(state.term()).putLong(state.commit()).putInt(vote == null ? -1 : vote.length);
        if (vote != null) payload.put(vote);
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
        return true;
    }
}
