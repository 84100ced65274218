package raftlab.harness.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The store, as docs/design.md lays it out: {@code store/<test>/<yyyyMMddTHHmmss.SSS>/}, with
 * {@code store/latest} and {@code store/<test>/latest} pointing at the newest run.
 */
public final class RunStore {
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS");

    private RunStore() {}

    /** The store directory: {@code $RAFTLAB_STORE}, else {@code store} under {@code $RAFTLAB_HOME} or the working directory. */
    public static Path defaultRoot() {
        String store = System.getenv("RAFTLAB_STORE");
        if (store != null && !store.isBlank()) return Path.of(store);
        String home = System.getenv("RAFTLAB_HOME");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("store");
    }

    /** Creates a fresh run directory and points the latest links at it. */
    public static Path create(Path root, String testName, LocalDateTime now) throws IOException {
        Path testDir = root.resolve(testName);
        Files.createDirectories(testDir);
        Path run = testDir.resolve(STAMP.format(now));
        // Two runs in the same millisecond (a fast --test-count in simulation) get distinct directories.
        for (int i = 1; Files.exists(run); i++) run = testDir.resolve(STAMP.format(now) + "-" + i);
        Files.createDirectories(run);
        link(root.resolve("latest"), root.relativize(run));
        link(testDir.resolve("latest"), testDir.relativize(run));
        return run;
    }

    private static void link(Path link, Path target) throws IOException {
        Path tmp = link.resolveSibling(link.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, target);
        // Renamed over the old link so readers never see it missing.
        Files.move(tmp, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A run named on the command line: a directory, or {@code latest} by default, resolved against the store. */
    public static Path resolve(Path root, String run) {
        Path given = Path.of(run == null ? "latest" : run);
        Path candidate = Files.isDirectory(given) ? given : root.resolve(given);
        return candidate.toAbsolutePath().normalize();
    }
}
