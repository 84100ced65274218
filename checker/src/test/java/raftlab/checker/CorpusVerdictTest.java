package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
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
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/** Every history of the corpus (see {@link Corpus}) gets the verdict its EXPECTED.tsv names. */
class CorpusVerdictTest {
    static Stream<Arguments> histories() throws IOException {
        Optional<Path> root = Corpus.root();
        if (root.isEmpty()) return Stream.of(Arguments.of("corpus absent", null));
        if (!Files.isDirectory(root.get())) throw new IllegalStateException("RAFTLAB_CORPUS names " + root.get() + ", which is not a folder");
        List<Arguments> out = new ArrayList<>();
        for (String folder : List.of("knossos", "porcupine")) {
            ExpectedTsv tsv = ExpectedTsv.read(root.get().resolve(folder));
            for (ExpectedTsv.Row row : tsv.rows()) out.add(Arguments.of(folder + "/" + root.get().resolve(folder).relativize(row.file()), row));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void verdictMatchesExpected(String name, ExpectedTsv.Row row) throws IOException {
        if (row == null) {
            Assumptions.abort("no corpus (set RAFTLAB_CORPUS to a folder holding knossos/ and porcupine/); skipping the corpus verdicts");
        }
        List<Op> history = HistoryReader.read(row.file());
        CheckResult result = Checker.check(history, CorpusModels.model(row.model(), row.initial()),
                CheckOptions.defaults().withTimeLimit(Duration.ofSeconds(60)));
        assertEquals(row.expected(), result.validity(), () -> name + " under " + row.model() + ": " + result.keys());
        if (result.validity() == Validity.INVALID) {
            Failure failure = result.firstFailure();
            if (failure == null || failure.explanation().isBlank()) fail(name + ": an invalid verdict without an explanation");
        }
    }
}
