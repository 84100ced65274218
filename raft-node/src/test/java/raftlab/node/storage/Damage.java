package raftlab.node.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Damage done to files on purpose, as a failing disk or a stray write would. */
final class Damage {
    private Damage() {}

    /** Flips bit {@code bit} (0 is the lowest) of the byte at {@code position}. */
    static void flipBit(Path file, long position, int bit) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(position);
            int b = f.read();
            f.seek(position);
            f.write(b ^ (1 << bit));
        }
    }
}
