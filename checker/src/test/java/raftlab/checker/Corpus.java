package raftlab.checker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared corpus at {@code ../shared/corpus} from the repository's root: walks up from the
 * working directory to the pom.xml that lists modules, then looks beside the repository.
 */
final class Corpus {
    private Corpus() {}

    static Optional<Path> root() {
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
