package raftlab.harness.lab.hand;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.function.UnaryOperator;
import raftlab.harness.lab.LabException;

/**
 * {@code faults.properties} in a lab's state directory: the {@link FaultsInForce} of that lab.
 * Changes go through {@link #update}, which holds a lock on the directory while a command
 * injects its fault and records it, so two commands typed at once cannot lose one of them.
 */
public final class FaultsFile {
    /** Far larger than any lab's record; a bigger file is not ours. */
    private static final long MAX_BYTES = 64 * 1024;

    private final Path dir;

    public FaultsFile(Path dir) { this.dir = dir; }

    public Path path() { return dir.resolve("faults.properties"); }

    /** What is recorded; a fresh record when nothing is (a lab brought up before faults were recorded). */
    public FaultsInForce read() {
        Path file = path();
        if (!Files.exists(file)) return FaultsInForce.fresh(java.util.List.of(), false);
        try {
            if (Files.size(file) > MAX_BYTES) throw new LabException(file + " is larger than " + MAX_BYTES + " bytes; remove it or bring the lab up again");
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return FaultsInForce.fromProperties(p);
        } catch (IOException e) {
            throw new LabException("could not read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LabException("the record of faults " + file + " is damaged (" + e.getMessage() + "); bring the lab up again", e);
        }
    }

    /** Replaces the record (written aside and renamed, so a reader never sees half of it). */
    public void write(FaultsInForce faults) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("faults.properties.tmp");
            try (var out = Files.newOutputStream(tmp)) {
                faults.toProperties().store(out, "raftlab: faults in force in this lab, written by raftlab lab");
            }
            Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabException("could not record the faults in " + path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Under the lab's lock: reads the record, lets {@code change} act on the lab and say what is in
     * force afterwards, and writes that. When {@code change} throws, the record stays as it was.
     */
    public FaultsInForce update(UnaryOperator<FaultsInForce> change) {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve("faults.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                FaultsInForce after = change.apply(read());
                write(after);
                return after;
            }
        } catch (IOException e) {
            throw new LabException("could not lock " + dir.resolve("faults.lock") + ": " + e.getMessage(), e);
        }
    }
}
