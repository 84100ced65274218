package raftlab.node.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import raftlab.raft.Configuration;
import raftlab.raft.NodeId;
import raftlab.raft.Snapshot;

/**
 * Snapshot files {@code snapshot-<index>.snap}: written to a temporary file, fsynced, renamed into
 * place, and the directory fsynced, so that a crash leaves either the old snapshot or the new one,
 * whole. The data is written straight from the snapshot's array (no second copy in memory) and a
 * CRC32C of the whole file ends it.
 */
public final class SnapshotStore {
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".snap";
    static final String TEMP = "snapshot.tmp";
    private static final int MAGIC = 0x524c534e; // "RLSN"
    private static final int VERSION = 1;

    private final FileLayer fs;
    private final Path dir;

    public SnapshotStore(FileLayer fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    public void save(Snapshot snapshot) throws IOException {
        Path temp = dir.resolve(TEMP);
        fs.delete(temp);
        byte[] header = header(snapshot);
        CRC32C crc = new CRC32C();
        crc.update(header);
        crc.update(snapshot.data());
        try (FileLayer.FileHandle out = fs.open(temp)) {
            out.append(ByteBuffer.wrap(header));
            out.append(ByteBuffer.wrap(snapshot.data()));
            out.append(ByteBuffer.allocate(4).putInt(0, (int) crc.getValue()));
            out.force();
        }
        fs.rename(temp, path(snapshot.index()));
        fs.syncDirectory(dir);
        for (String name : fs.list(dir)) {
            if (isSnapshot(name) && indexOfName(name) < snapshot.index()) fs.delete(dir.resolve(name));
        }
    }

    /** The newest snapshot, or null when there is none; older ones and leftovers of an interrupted save are removed. */
    public Snapshot loadLatest(Consumer<String> logLine) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : fs.list(dir)) {
            if (isSnapshot(name)) names.add(name);
            if (name.equals(TEMP)) {
                logLine.accept("recovery: removed " + dir.resolve(name) + ", a snapshot a crash interrupted");
                fs.delete(dir.resolve(name));
            }
        }
        if (names.isEmpty()) return null;
        names.sort((a, b) -> Long.compare(indexOfName(a), indexOfName(b)));
        String newest = names.get(names.size() - 1);
        Snapshot snapshot = read(dir.resolve(newest));
        for (String name : names) if (!name.equals(newest)) fs.delete(dir.resolve(name));
        return snapshot;
    }

    private Snapshot read(Path file) throws IOException {
        byte[] bytes = fs.readAll(file);
        if (bytes.length < 4 || Records.crc(bytes, 0, bytes.length - 4) != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new StorageCorruptException("the snapshot " + file + " is corrupt (its CRC32C does not match)"
                    + "; restore this data directory from a replica's copy, or remove it and add the node back as a new member");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        if (in.getInt() != MAGIC || in.getInt() != VERSION) {
            throw new StorageCorruptException("the file " + file + " is not a snapshot this version can read; remove it or use a matching raft-node");
        }
        long index = in.getLong();
        long term = in.getLong();
        List<NodeId> voters = readIds(in);
        List<NodeId> learners = readIds(in);
        byte[] data = new byte[in.getInt()];
        in.get(data);
        return new Snapshot(index, term, new Configuration(voters, learners), data);
    }

    private static byte[] header(Snapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(snapshot.index());
        out.writeLong(snapshot.term());
        writeIds(out, snapshot.configuration().voters());
        writeIds(out, snapshot.configuration().learners());
        out.writeInt(snapshot.data().length);
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeIds(DataOutputStream out, List<NodeId> ids) throws IOException {
        out.writeInt(ids.size());
        for (NodeId id : ids) {
            byte[] name = id.value().getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
        }
    }

    private static List<NodeId> readIds(ByteBuffer in) {
        int count = in.getInt();
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] name = new byte[in.getInt()];
            in.get(name);
            ids.add(NodeId.of(new String(name, StandardCharsets.UTF_8)));
        }
        return ids;
    }

    private Path path(long index) { return dir.resolve(String.format("%s%020d%s", PREFIX, index, SUFFIX)); }

    private static boolean isSnapshot(String name) { return indexOfName(name) >= 0; }


    /** The index in a snapshot file's name, or -1 when the name is not a snapshot's. */
    static long indexOfName(String name) { return NumberedName.numberIn(name, PREFIX, SUFFIX); }
}
