package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raftlab.checker.bench.CorpusModels;
import raftlab.checker.bench.ExpectedTsv;
import raftlab.checker.model.Model;
import raftlab.checker.model.RegisterModel;
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/**
 * Every history of the repository's own corpus (src/test/resources/corpus: raftlab's simulator
 * histories, one failing per bug switch and valid ones, and hand-made corner cases per model) gets
 * the verdict its EXPECTED.tsv names, and so does every history of the corpus {@link Corpus} finds,
 * when there is one. Invalid verdicts must come with an explanation whose claims hold; on the repository's
 * register histories the full search alone, where it decides within 10 s, must agree too.
 */
class CorpusVerdictTest {
    private static final CheckOptions OPTIONS = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(60));
    private static final CheckOptions SEARCH_ONLY = CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(10)).withFastPath(false);

    static Stream<Arguments> histories() throws IOException, URISyntaxException {
        List<Arguments> out = new ArrayList<>();
        Path own = Path.of(CorpusVerdictTest.class.getResource("/corpus/EXPECTED.tsv").toURI()).getParent();
        for (ExpectedTsv.Row row : ExpectedTsv.read(own).rows()) out.add(Arguments.of("own/" + own.relativize(row.file()), row, true));
        Optional<Path> shared = Corpus.root();
        if (shared.isPresent() && !Files.isDirectory(shared.get())) {
            throw new IllegalStateException("RAFTLAB_CORPUS names " + shared.get() + ", which is not a folder");
        }
        if (shared.isEmpty()) {
            out.add(Arguments.of("shared corpus absent", null, false));
            return out.stream();
        }
        for (String folder : List.of("knossos", "porcupine")) {
            ExpectedTsv tsv = ExpectedTsv.read(shared.get().resolve(folder));
            for (ExpectedTsv.Row row : tsv.rows()) out.add(Arguments.of(folder + "/" + shared.get().resolve(folder).relativize(row.file()), row, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void verdictMatchesExpected(String name, ExpectedTsv.Row row, boolean own) throws IOException {
        if (row == null) {
            Assumptions.abort("no corpus of Knossos's and Porcupine's histories (set RAFTLAB_CORPUS to a folder holding knossos/"
                    + " and porcupine/); the repository's own corpus ran without it");
        }
        List<Op> history = HistoryReader.read(row.file());
        Model model = CorpusModels.model(row.model(), row.initial());
        CheckResult result = Checker.check(history, model, OPTIONS);
        assertEquals(row.expected(), result.validity(), () -> name + " under " + row.model() + ": " + result.keys());
        if (result.validity() == Validity.INVALID) {
            Failure failure = result.firstFailure();
            if (failure == null || failure.explanation().isBlank()) fail(name + ": an invalid verdict without an explanation");
            assertNull(ExplanationClaims.check(failure, history), () -> name + ": " + failure.explanation());
        }
        if (own && model instanceof RegisterModel) {
            Validity search = Checker.check(history, model, SEARCH_ONLY).validity();
            if (search != Validity.UNKNOWN) assertEquals(row.expected(), search, name + " with the full search alone");
        }
    }
}
