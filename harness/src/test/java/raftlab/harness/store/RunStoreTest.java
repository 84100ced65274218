package raftlab.harness.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.runner.Liveness;
import raftlab.harness.runner.RunRecord;
import raftlab.history.Op;
import raftlab.history.OpType;

class RunStoreTest {
    @Test void runDirectoriesAreNamedByTestAndTimeWithLatestLinks(@TempDir Path root) throws Exception {
        Path first = RunStore.create(root, "local-register", LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000));
        assertEquals(root.resolve("local-register/20260102T030405.006"), first);
        Path second = RunStore.create(root, "local-register", LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000));
        assertTrue(Files.isDirectory(second));
        assertTrue(!first.equals(second), "two runs in one millisecond must not share a directory");
        assertEquals(second.toRealPath(), root.resolve("latest").toRealPath());
        assertEquals(second.toRealPath(), root.resolve("local-register/latest").toRealPath());
        assertTrue(!Files.readSymbolicLink(root.resolve("latest")).isAbsolute(), "links are relative so a store can be moved");
        assertEquals(second.toRealPath(), RunStore.resolve(root, null).toRealPath());
    }

    @Test void reportWritesEveryFileOfTheStoreLayout(@TempDir Path dir) throws Exception {
        List<Op> history = List.of(
                new Op(0, 1_000_000, OpType.INVOKE, 0, "write", List.of(1L, 1L), null),
                new Op(1, 2_000_000, OpType.INFO, Op.NEMESIS, "start-partition", null, null),
                new Op(2, 3_000_000, OpType.OK, 0, "write", List.of(1L, 1L), null),
                new Op(3, 4_000_000, OpType.INFO, Op.NEMESIS, "start-partition", "halves", null),
                new Op(4, 5_000_000, OpType.INVOKE, 1, "read", java.util.Arrays.asList(1L, null), null),
                new Op(5, 6_000_000, OpType.OK, 1, "read", List.of(1L, 1L), null));
        RunReport.writeTestJson(dir, java.util.Map.of("name", "t"));
        RunReport.writeHistory(dir, history);
        Verdict verdict = Verdict.judge(history, new Liveness(false, -1, -1, "no write was acknowledged"), java.time.Duration.ofSeconds(5));
        assertEquals(raftlab.checker.Validity.INVALID, verdict.validity(), "a run that is not live is invalid whatever the checker says");
        RunReport.writeResults(dir, history, List.of(new RunRecord.FaultWindow("partition", 2_000_000, 4_500_000)), verdict, java.util.Map.of());
        for (String file : List.of("test.json", "history.edn", "history.jsonl", "results.edn", "results.json", "latency-raw.png", "rate.png")) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file + " missing or empty");
        }
        String json = Files.readString(dir.resolve("results.json"));
        assertTrue(json.contains("\"valid?\" : false"), json);
        assertTrue(json.contains("no write was acknowledged"), json);
        assertTrue(Files.readString(dir.resolve("results.edn")).startsWith("{:valid? false"), Files.readString(dir.resolve("results.edn")));
        assertEquals(6, Files.readAllLines(dir.resolve("history.jsonl")).size());
    }

    @Test void theCheckersResultsInResultsEdnCarryJepsensKeywords(@TempDir Path dir) throws Exception {
        List<Op> history = List.of(
                new Op(0, 1_000_000, OpType.INVOKE, 0, "write", 1L, null), new Op(1, 2_000_000, OpType.OK, 0, "write", 1L, null),
                new Op(2, 3_000_000, OpType.INVOKE, 0, "write", 2L, null), new Op(3, 4_000_000, OpType.OK, 0, "write", 2L, null),
                new Op(4, 5_000_000, OpType.INVOKE, 1, "read", null, null), new Op(5, 6_000_000, OpType.OK, 1, "read", 1L, null));
        RunReport.writeTestJson(dir, java.util.Map.of("name", "t"));
        RunReport.writeHistory(dir, history);
        Verdict verdict = Verdict.judge(history, new Liveness(true, 1, 1, null), java.time.Duration.ofSeconds(5));
        RunReport.writeResults(dir, history, List.of(), verdict, java.util.Map.of());
        String edn = Files.readString(dir.resolve("results.edn"));
        assertTrue(edn.contains(":checker {:valid? false"), edn);
        assertTrue(edn.contains(":op {:index 5, :time 6000000, :type :ok, :process 1, :f :read, :value 1}"), edn);
        assertTrue(edn.contains(":witness {:index 3, :time 4000000, :type :ok, :process 0, :f :write, :value 2}"), edn);
    }
}
