package raftlab.node.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An in-memory disk that remembers what is durable, strictly as POSIX promises: a file's contents
 * after fsync of the file, names after fsync of the directory. {@link #cut} returns the disk as it may
 * look after a power failure: per directory, a prefix of the unsynced name changes in order (a
 * journal commits them in order); per file, independently of other files and of the names, a prefix
 * of the unsynced writes, the last of which may be torn at any byte. It can also be armed to fail
 * the n-th next mutating operation, so that the cut lands in the middle of a persist.
 */
final class PowerCutDisk implements FileLayer {
    static final class PowerCut extends RuntimeException {
        PowerCut() { super("power cut"); }
    }

    private static final class Inode {
        byte[] durable = new byte[0];
        final ByteArrayOutputStream current = new ByteArrayOutputStream();
        /** Unsynced changes: a byte[] is an append, a Long a truncation. */
        final List<Object> pending = new ArrayList<>();

        byte[] now() { return current.toByteArray(); }
    }

    private sealed interface NameOp {
        record Link(String name, Inode inode) implements NameOp {}

        record Rename(String from, String to) implements NameOp {}

        record Unlink(String name) implements NameOp {}
    }

    private final Map<String, Inode> names = new TreeMap<>();
    private final Map<String, Inode> durableNames = new TreeMap<>();
    private final List<NameOp> pendingNames = new ArrayList<>();
    private long failAfter = -1;
    long mutations;

    /** The {@code n}-th mutating operation from now (0 = the next) throws {@link PowerCut} without happening. */
    void armCut(long n) { failAfter = n; }

    private void mutate() {
        mutations++;
        if (failAfter == 0) throw new PowerCut();
        if (failAfter > 0) failAfter--;
    }

    private static String key(Path file) { return file.toString(); }

    @Override public FileHandle open(Path file) throws IOException {
        Inode existing = names.get(key(file));
        final Inode inode;
        if (existing == null) {
            mutate();
            inode = new Inode();
            names.put(key(file), inode);
            pendingNames.add(new NameOp.Link(key(file), inode));
        } else {
            inode = existing;
        }
        return new FileHandle() {
            @Override public long size() { return inode.current.size(); }

            @Override public void append(ByteBuffer bytes) {
                mutate();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                inode.current.write(copy, 0, copy.length);
                inode.pending.add(copy);
            }

            @Override public void truncate(long size) {
                mutate();
                byte[] kept = Arrays.copyOf(inode.now(), (int) size);
                inode.current.reset();
                inode.current.write(kept, 0, kept.length);
                inode.pending.add(size);
            }

            @Override public void force() {
                mutate();
                inode.durable = inode.now();
                inode.pending.clear();
            }

            @Override public void close() {}
        };
    }

    @Override public byte[] readAll(Path file) throws IOException {
        Inode inode = names.get(key(file));
        if (inode == null) throw new NoSuchFileException(file.toString());
        return inode.now();
    }

    @Override public List<String> list(Path dir) {
        String prefix = key(dir) + "/";
        List<String> result = new ArrayList<>();
        for (String name : names.keySet()) {
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) result.add(name.substring(prefix.length()));
        }
        return result;
    }

    @Override public boolean exists(Path file) { return names.containsKey(key(file)); }

    @Override public void rename(Path from, Path to) throws IOException {
        Inode inode = names.get(key(from));
        if (inode == null) throw new NoSuchFileException(from.toString());
        mutate();
        names.remove(key(from));
        names.put(key(to), inode);
        pendingNames.add(new NameOp.Rename(key(from), key(to)));
    }

    @Override public void delete(Path file) {
        if (!names.containsKey(key(file))) return;
        mutate();
        names.remove(key(file));
        pendingNames.add(new NameOp.Unlink(key(file)));
    }

    @Override public void syncDirectory(Path dir) {
        mutate();
        durableNames.clear();
        durableNames.putAll(names);
        pendingNames.clear();
    }

    @Override public void createDirectories(Path dir) {}

    /** The disk after a power failure; this object must not be used afterwards. */
    PowerCutDisk cut(Random random) {
        Map<String, Inode> survivingNames = new TreeMap<>(durableNames);
        int keptNameOps = random.nextInt(pendingNames.size() + 1);
        for (NameOp op : pendingNames.subList(0, keptNameOps)) {
            if (op instanceof NameOp.Link l) survivingNames.put(l.name(), l.inode());
            else if (op instanceof NameOp.Rename r) survivingNames.put(r.to(), survivingNames.remove(r.from()));
            else if (op instanceof NameOp.Unlink u) survivingNames.remove(u.name());
        }
        PowerCutDisk after = new PowerCutDisk();
        Map<Inode, Inode> copies = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, Inode> e : survivingNames.entrySet()) {
            if (e.getValue() == null) continue;
            Inode copy = copies.computeIfAbsent(e.getValue(), inode -> survivor(inode, random));
            after.names.put(e.getKey(), copy);
            after.durableNames.put(e.getKey(), copy);
        }
        return after;
    }

    private static Inode survivor(Inode inode, Random random) {
        byte[] content = inode.durable;
        int kept = random.nextInt(inode.pending.size() + 1);
        for (int i = 0; i < kept; i++) {
            Object op = inode.pending.get(i);
            if (op instanceof byte[] append) {
                int length = i == kept - 1 && random.nextBoolean() ? random.nextInt(append.length + 1) : append.length;
                byte[] grown = Arrays.copyOf(content, content.length + length);
                System.arraycopy(append, 0, grown, content.length, length);
                content = grown;
            } else {
                content = Arrays.copyOf(content, (int) (long) (Long) op);
            }
        }
        Inode copy = new Inode();
        copy.durable = content;
        copy.current.write(content, 0, content.length);
        return copy;
    }
}
