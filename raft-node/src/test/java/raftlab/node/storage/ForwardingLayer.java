package raftlab.node.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A file layer that passes everything to another; tests override what they break. */
class ForwardingLayer implements FileLayer {
    private final FileLayer inner;

    ForwardingLayer(FileLayer inner) { this.inner = inner; }

    @Override public FileHandle open(Path file) throws IOException { return inner.open(file); }

    @Override public byte[] readAll(Path file) throws IOException { return inner.readAll(file); }

    @Override public List<String> list(Path dir) throws IOException { return inner.list(dir); }

    @Override public boolean exists(Path file) { return inner.exists(file); }

    @Override public void rename(Path from, Path to) throws IOException { inner.rename(from, to); }

    @Override public void delete(Path file) throws IOException { inner.delete(file); }

    @Override public void syncDirectory(Path dir) throws IOException { inner.syncDirectory(dir); }

    @Override public void createDirectories(Path dir) throws IOException { inner.createDirectories(dir); }
}
