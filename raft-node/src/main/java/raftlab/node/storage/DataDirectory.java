package raftlab.node.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * A node's data directory: held with an exclusive lock while the node runs (two nodes never share
 * one), and labelled with the cluster id and node id it belongs to, so that a directory copied to
 * the wrong node or cluster is refused instead of silently merged.
 */
public final class DataDirectory implements AutoCloseable {
    static final String LOCK = "lock";
    static final String META = "meta.properties";
    static final String META_TEMP = META + ".tmp";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String clusterId;

    private DataDirectory(Path dir, FileChannel lockChannel, FileLock lock, String clusterId) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.clusterId = clusterId;
    }

    /**
     * Locks {@code dir} (creating it) and checks or records its cluster id and node id.
     *
     * @throws IllegalStateException with one sentence for a person when the directory is in use or belongs elsewhere
     */
    public static DataDirectory open(Path dir, String clusterId, String nodeId) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockOrClose(channel, "the data directory " + dir + " is in use by another raft-node; stop that node or choose another --data-dir");
        try {
            Path meta = dir.resolve(META);
            Properties properties = new Properties();
            if (Files.exists(meta)) {
                try (var in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                String storedCluster = properties.getProperty("cluster-id");
                String storedNode = properties.getProperty("node-id");
                if (!clusterId.equals(storedCluster)) {
                    throw new IllegalStateException("the data directory " + dir + " belongs to cluster '" + storedCluster
                            + "', not '" + clusterId + "'; pass --cluster-id " + storedCluster + " or choose another --data-dir");
                }
                if (!nodeId.equals(storedNode)) {
                    throw new IllegalStateException("the data directory " + dir + " belongs to node " + storedNode
                            + ", not " + nodeId + "; start it with --id " + storedNode + " or choose another --data-dir");
                }
            } else {
                properties.setProperty("cluster-id", clusterId);
                properties.setProperty("node-id", nodeId);
                Path temp = dir.resolve(META_TEMP);
                try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    properties.store(out, "raft-node data directory; do not edit");
                }
                try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                new RealFileLayer().rename(temp, meta);
                new RealFileLayer().syncDirectory(dir);
            }
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new DataDirectory(dir, channel, lock, clusterId);
    }

    /**
     * Locks {@code dir} without checking whose it is, for tools that work on a stopped node's directory.
     *
     * @throws IllegalStateException with one sentence for a person when a node is running on it
     */
    public static AutoCloseable lockStopped(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalStateException("the data directory " + dir + " does not exist; check --data-dir");
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lockOrClose(channel, "the data directory " + dir + " is in use by a running raft-node; stop it first");
        return () -> {
            held.release();
            channel.close();
        };
    }

    /** The directory's exclusive lock; when another process (or this one) holds it, the channel is closed and {@code busy} thrown. */
    private static FileLock lockOrClose(FileChannel channel, String busy) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException(busy);
        }
        return lock;
    }

    public Path path() { return dir; }

    public String clusterId() { return clusterId; }

    @Override public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
