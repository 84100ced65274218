package raftlab.node.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * The few file operations storage needs, behind an interface so that a test can stand in a disk
 * that loses everything not yet made durable (a power cut). What is durable follows POSIX, strictly:
 * file contents after {@link FileHandle#force}, names (create, rename, delete) after
 * {@link #syncDirectory} of their directory.
 */
public interface FileLayer {
    /** Opens a file for appending, creating it when missing. */
    FileHandle open(Path file) throws IOException;

    byte[] readAll(Path file) throws IOException;

    /** The file names in {@code dir}, sorted. */
    List<String> list(Path dir) throws IOException;

    boolean exists(Path file);

    /** Atomically replaces {@code to} with {@code from}. */
    void rename(Path from, Path to) throws IOException;

    void delete(Path file) throws IOException;

    void syncDirectory(Path dir) throws IOException;

    void createDirectories(Path dir) throws IOException;

    /** An open file; writes always go to its end. */
    interface FileHandle extends Closeable {
        long size() throws IOException;

        void append(ByteBuffer bytes) throws IOException;

        void truncate(long size) throws IOException;

        void force() throws IOException;

        @Override void close() throws IOException;
    }
}
