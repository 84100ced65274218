package raftlab.harness.campaign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import raftlab.sim.SimListener;

/**
 * narration.txt of a simulated run: what {@code raftlab sim --explain} would print (elections, votes and
 * their reasons, commits, what each fault did), with virtual times. Bounded, because a long run narrates
 * millions of decisions; the first ones usually explain a failure, and the seed replays the rest.
 */
final class Narration implements SimListener, AutoCloseable {
    static final long MAX_LINES = 200_000;

    private final BufferedWriter out;
    private long lines;

    Narration(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override public void explain(long timeMicros, String node, String line) {
        try {
            if (lines < MAX_LINES) {
                out.write(String.format(Locale.ROOT, "%10.6f s %-4s %s%n", timeMicros / 1e6, node == null ? "-" : node, line));
            } else if (lines == MAX_LINES) {
                out.write("... narration cut at " + MAX_LINES + " lines; replay the seed with raftlab sim --explain for the rest\n");
            }
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long lines() { return lines; }

    @Override public void close() throws IOException { out.close(); }
}
