package raftlab.harness.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftlab.harness.cli.RaftlabMain;

/** {@code raftlab test --lab sim --bug NAME} picks the switch's recipe, so the checker catches it from the recipe's seed. */
class TestBugFlagTest {
    @Test
    void bugFlagPicksTheRecipeAndIsCaught(@TempDir Path store) throws Exception {
        int code = new CommandLine(new RaftlabMain()).execute("test", "--lab", "sim", "--bug", "stale-reads", "--seed", "1",
                "--store", store.toString());
        assertEquals(1, code, "raftlab test --lab sim --bug stale-reads --seed 1 should be invalid (exit 1); store " + store);
        Path testJson;
        try (Stream<Path> files = Files.walk(store)) {
            testJson = files.filter(p -> p.getFileName().toString().equals("test.json")).findFirst().orElseThrow();
        }
        String test = Files.readString(testJson);
        assertTrue(test.contains("split-brain"), "the run should reproduce with the recipe's scenario: " + test);
    }
}
