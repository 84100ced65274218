package raftlab.checker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the corpus of Knossos's and Porcupine's histories, an optional extra the repository does not ship: the folder
 * named by RAFTLAB_CORPUS (or RAFTLAB_SHARED_CORPUS, its older name), or else a {@code shared/corpus} folder beside the
 * repository, where the project's own machines keep one. Without any, those verdicts report themselves skipped; the
 * repository's own corpus (src/test/resources/corpus) always runs.
 */
final class Corpus {
    private Corpus() {}

    /** The corpus folder, or empty when there is none. */
    static Optional<Path> root() {
        for (String variable : new String[] {"RAFTLAB_CORPUS", "RAFTLAB_SHARED_CORPUS"}) {
            String named = System.getenv(variable);
            if (named != null && !named.isBlank()) return Optional.of(Path.of(named));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                    Path beside = dir.resolveSibling("shared").resolve("corpus");
                    return Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
                }
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
