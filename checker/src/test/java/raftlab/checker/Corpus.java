package raftlab.checker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared corpus: {@code RAFTLAB_SHARED_CORPUS} when set, else {@code ../shared/corpus} from the
 * repository's root (walks up from the working directory to the pom.xml that lists modules).
 */
final class Corpus {
    private Corpus() {}

    static Optional<Path> root() {
        String override = System.getenv("RAFTLAB_SHARED_CORPUS"); // for a worktree that does not sit beside it
        if (override != null && !override.isBlank()) {
            Path corpus = Path.of(override);
            return Files.isDirectory(corpus) ? Optional.of(corpus) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                    Path corpus = dir.resolve("../shared/corpus").normalize();
                    return Files.isDirectory(corpus) ? Optional.of(corpus) : Optional.empty();
                }
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean underCi() { return "true".equalsIgnoreCase(System.getenv("CI")); }
}
