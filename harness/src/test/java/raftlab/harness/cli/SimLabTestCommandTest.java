package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/** {@code raftlab test --lab sim} runs the shared faults, refuses those it cannot do, and says which node answered. */
class SimLabTestCommandTest {
    @Test void aTenSecondSimRunWithTheDefaultIntervalStillPartitions(@TempDir Path store) throws Exception {
        int code = new CommandLine(new RaftlabMain()).execute("test", "--lab", "sim", "--time-limit", "10s", "--nemesis", "partition",
                "--workload", "register", "--seed", "7", "--store", store.toString());
        assertTrue(code == 0 || code == 2, "a correct cluster is valid (or unknown); exit " + code + ", seed 7, store " + store);
        Path run = runDir(store);
        List<Op> history = HistoryReader.read(run.resolve("history.edn"));
        long partitions = history.stream().filter(op -> op.isNemesis() && "start-partition".equals(op.f()) && op.value() != null).count();
        assertTrue(partitions >= 1, "the 10 s interval is scaled to the 10 s limit, so partitions happen (seed 7): " + partitions);
        long clientCompletions = 0;
        for (Op op : history) {
            if (op.isNemesis() || op.isInvoke()) continue;
            clientCompletions++;
            assertTrue(op.hasNode(), "every client completion says which node answered: " + op);
            if (op.node().equals(Op.NO_NODE)) assertTrue(op.error() != null, "no node answered, and the error says why: " + op);
        }
        assertTrue(clientCompletions > 100, "clients worked: " + clientCompletions);
        String results = Files.readString(run.resolve("results.edn"));
        assertTrue(results.contains(":faults {:partition " + partitions + "}"), "results.edn counts the faults: " + results);
        assertTrue(Files.size(run.resolve("raftlab.log")) > 0, "a simulated run writes raftlab.log");
        assertTrue(Files.readString(run.resolve("narration.txt")).contains("became leader"), "and its narration");
    }

    @Test void theSimulatorRefusesMembershipChangesBeforeTheTestStarts(@TempDir Path store) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new RaftlabMain()).execute("test", "--lab", "sim", "--time-limit", "5s", "--nemesis", "partition,member",
                    "--store", store.toString());
        } finally {
            System.setErr(err);
        }
        assertEquals(254, code);
        String message = captured.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("error: the sim lab cannot inject member faults; run it with --lab local or --lab ssh"), message);
        try (Stream<Path> files = Files.list(store)) {
            assertFalse(files.findAny().isPresent(), "nothing ran, so nothing was stored");
        }
    }

    private static Path runDir(Path store) throws Exception {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(p -> p.getFileName().toString().equals("history.edn")).findFirst().orElseThrow().getParent();
        }
    }
}
