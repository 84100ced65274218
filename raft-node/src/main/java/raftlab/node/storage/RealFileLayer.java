package raftlab.node.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real disk: FileChannel writes, {@code force(false)} (fdatasync) for contents, a directory fsync for names. */
public final class RealFileLayer implements FileLayer {
    @Override public FileHandle open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
        return new FileHandle() {
            @Override public long size() throws IOException { return channel.size(); }

            @Override public void append(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) channel.write(bytes);
            }

            @Override public void truncate(long size) throws IOException {
                channel.truncate(size);
                channel.position(size);
            }

            // fdatasync is enough: the size of an appended file is data that force(false) covers.
            @Override public void force() throws IOException { channel.force(false); }

            @Override public void close() throws IOException { channel.close(); }
        };
    }

    @Override public byte[] readAll(Path file) throws IOException { return Files.readAllBytes(file); }

    @Override public List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Override public boolean exists(Path file) { return Files.exists(file); }

    @Override public void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override public void delete(Path file) throws IOException {
        try {
            Files.delete(file);
        } catch (NoSuchFileException alreadyGone) {
            // deleting is idempotent: recovery may retry a deletion a crash interrupted
        }
    }

    @Override public void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override public void createDirectories(Path dir) throws IOException { Files.createDirectories(dir); }
}
