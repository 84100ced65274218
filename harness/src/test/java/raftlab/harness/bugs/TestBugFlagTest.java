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

    /** The forget-vote recipe runs three nodes; test.json must say so, as its reproduce line does, option for option. */
    @Test
    void testJsonAgreesWithTheReproduceLine(@TempDir Path store) throws Exception {
        int code = new CommandLine(new RaftlabMain()).execute("test", "--lab", "sim", "--bug", "forget-vote", "--seed", "1",
                "--store", store.toString());
        assertTrue(code == 0 || code == 1, "exit " + code);
        Path testJson;
        try (Stream<Path> files = Files.walk(store)) {
            testJson = files.filter(p -> p.getFileName().toString().equals("test.json")).findFirst().orElseThrow();
        }
        var test = new com.fasterxml.jackson.databind.ObjectMapper().readTree(testJson.toFile());
        String reproduce = test.get("reproduce").asText();
        raftlab.sim.cli.SimCommand sim = new raftlab.sim.cli.SimCommand();
        new CommandLine(sim).parseArgs(reproduce.substring("raftlab sim ".length()).split(" "));
        raftlab.sim.SimOptions ran = sim.options();
        assertEquals(3, test.get("node-count").asInt(), test.toString());
        assertEquals(ran.nodeCount(), test.get("node-count").asInt(), reproduce);
        assertEquals(ran.concurrency(), test.get("concurrency").asInt(), reproduce);
        assertEquals(ran.rate(), test.get("rate").asDouble(), reproduce);
        assertEquals(ran.workload().cliName(), test.get("workload").asText(), reproduce);
        assertEquals(ran.timeLimitMicros() / 1000 + "ms", test.get("time-limit").asText(), reproduce);
        assertEquals(ran.nemesisIntervalMicros() / 1000 + "ms", test.get("nemesis-interval").asText(), reproduce);
        assertEquals(ran.opTimeoutMicros() / 1000 + "ms", test.get("op-timeout").asText(), reproduce);
        assertEquals(ran.healBoundMicros() / 1000 + "ms", test.get("liveness-bound").asText(), reproduce);
        assertEquals("[\"forget-vote\"]", test.get("bugs").toString(), reproduce);
        assertEquals(1, ran.seed());
    }
}
