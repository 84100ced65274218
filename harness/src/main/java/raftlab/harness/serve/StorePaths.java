package raftlab.harness.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a request's path below {@code /runs/} to a file or directory of the store, and refuses
 * anything that would leave it: {@code ..} segments, absolute paths, and symbolic links (such as
 * {@code latest}) whose target lies outside. The check is on the real path, after every link is resolved.
 */
final class StorePaths {
    private final Path storeReal;

    StorePaths(Path store) throws IOException {
        this.storeReal = store.toRealPath();
    }

    Path store() { return storeReal; }

    /** The real path of {@code relative} inside the store, or empty when it does not exist or is not inside. */
    Optional<Path> resolve(String relative) {
        if (relative.indexOf('\0') >= 0 || relative.indexOf('\\') >= 0) return Optional.empty();
        for (String segment : relative.split("/")) {
            if (segment.equals("..") || segment.equals(".")) return Optional.empty();
        }
        try {
            Path candidate = storeReal.resolve(relative.startsWith("/") ? relative.substring(1) : relative).normalize();
            if (!candidate.startsWith(storeReal) || !Files.exists(candidate)) return Optional.empty();
            Path real = candidate.toRealPath();
            return real.startsWith(storeReal) ? Optional.of(real) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }
}
