package raftlab.harness.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.cli.RaftlabMain;
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/**
 * Runs are replayed from their directories: a simulated run replayed with the same build gives the same history, byte for
 * byte, and the same schedule.edn; a replay that cannot be done is refused (254) before anything runs.
 */
class RunReplayTest {
    @TempDir Path store;

    private int raftlab(String... args) { return RaftlabMain.run(args); }

    private List<Path> runs() throws IOException {
        try (Stream<Path> tests = Files.list(store)) {
            return tests.filter(Files::isDirectory).filter(p -> !Files.isSymbolicLink(p)).flatMap(t -> {
                try (Stream<Path> r = Files.list(t)) {
                    return r.filter(p -> !Files.isSymbolicLink(p)).toList().stream();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
        }
    }

    @Test void aSimulatedRunReplaysToTheSameHistoryByteForByte() throws IOException {
        int first = raftlab("test", "--lab", "sim", "--seed", "7", "--time-limit", "20s", "--nemesis", "partition,kill,pause,clock",
                "--store", store.toString());
        assertTrue(first == 0 || first == 1, "exit " + first);
        Path original = runs().get(0);
        String schedule = Files.readString(original.resolve("schedule.edn"));
        assertTrue(schedule.contains(":fault :kill") || schedule.contains(":fault :partition"), schedule);

        assertEquals(first, raftlab("test", "--replay", "latest", "--store", store.toString()));
        List<Path> runs = runs();
        assertEquals(2, runs.size(), runs.toString());
        Path replayed = runs.get(1);
        assertEquals(schedule, Files.readString(replayed.resolve("schedule.edn")));
        assertArrayEquals(Files.readAllBytes(original.resolve("history.edn")), Files.readAllBytes(replayed.resolve("history.edn")),
                "replaying " + original + " gave another history in " + replayed);
    }

    @Test void aHandWrittenScheduleAimsAKillRightAfterAnAcknowledgedWrite() throws IOException {
        Path file = store.resolve("aim.edn");
        Files.writeString(file, """
                {:nodes 5
                 :entries [{:on :leader-elected :fault :partition :targets :leader :for "2s"}
                           {:at "3s" :after :ok-write :fault :kill :targets :leader :for "1s"}]}
                """);
        int code = raftlab("test", "--lab", "sim", "--seed", "3", "--time-limit", "10s", "--schedule", file.toString(), "--store", store.toString());
        assertTrue(code == 0 || code == 1, "exit " + code);
        Path run = runs().get(0);
        assertEquals(ScheduleEdn.write(ScheduleEdn.read(file)), Files.readString(run.resolve("schedule.edn")), "the file's plan is the run's");
        List<Op> history = HistoryReader.read(run.resolve("history.edn"));
        Op kill = history.stream().filter(op -> op.isNemesis() && "start-kill".equals(op.f())).findFirst().orElseThrow();
        assertTrue(kill.time() >= 3_000_000_000L, "not before :at: " + kill);
        Op previous = history.get((int) kill.index() - 1);
        assertTrue(previous.type() == raftlab.history.OpType.OK && List.of("write", "cas").contains(previous.f()),
                "the kill comes right after an acknowledged write: " + previous + " then " + kill);
        assertEquals(previous.time(), kill.time(), "at the same virtual instant");
        Op partition = history.stream().filter(op -> op.isNemesis() && "start-partition".equals(op.f())).findFirst().orElseThrow();
        assertTrue(partition.time() < 1_000_000_000L, "the first entry waits for the first election only: " + partition);
    }

    @Test void replaysThatCannotBeDoneAreRefusedBeforeAnythingRuns(@TempDir Path edited) throws IOException {
        assertEquals(254, raftlab("test", "--replay", store.resolve("nothing-here").toString(), "--store", store.toString()));
        raftlab("test", "--lab", "sim", "--seed", "5", "--time-limit", "5s", "--nemesis", "kill", "--store", store.toString());
        Path run = runs().get(0);
        assertEquals(254, raftlab("test", "--replay", run.toString(), "--seed", "9", "--store", store.toString()), "the seed is the stored run's");
        assertEquals(254, raftlab("test", "--replay", run.toString(), "--nemesis", "pause", "--store", store.toString()));

        Path three = Files.createDirectories(edited.resolve("three"));
        Files.writeString(three.resolve("test.json"), Files.readString(run.resolve("test.json")).replace("\"node-count\" : 5", "\"node-count\" : 3"));
        Files.copy(run.resolve("schedule.edn"), three.resolve("schedule.edn"));
        assertEquals(254, raftlab("test", "--replay", three.toString(), "--store", store.toString()), "a schedule for 5 nodes on 3");

        Path member = Files.createDirectories(edited.resolve("member"));
        Files.copy(run.resolve("test.json"), member.resolve("test.json"));
        Files.writeString(member.resolve("schedule.edn"), "{:nodes 5 :entries [{:at \"1s\" :fault :member :for \"1s\"}]}");
        assertEquals(254, raftlab("test", "--replay", member.toString(), "--store", store.toString()), "the simulator has no member faults");
        assertEquals(1, runs().size(), "nothing ran");
    }

    @Test void aRealLabsRunReplaysInTheSimulatorWithItsOwnOptionsNotTheBugsRecipe(@TempDir Path stored) throws IOException {
        Path run = Files.createDirectories(stored.resolve("local-register-partition-bug-stale-reads/20261206T071344.134"));
        Files.writeString(run.resolve("test.json"), """
                {"name": "local-register-partition-bug-stale-reads", "seed": "0x15", "lab": "local", "workload": "register",
                 "nodes": ["n1@10.77.0.1", "n2@10.77.0.2", "n3@10.77.0.3", "n4@10.77.0.4", "n5@10.77.0.5"], "node-count": 5,
                 "concurrency": 10, "time-limit": "8000ms", "rate": 200.0, "nemesis": ["partition"], "nemesis-interval": "2000ms",
                 "check-time-limit": "60000ms", "bugs": ["stale-reads"], "op-timeout": "5000ms", "liveness-bound": "10000ms",
                 "leave-db-running": false, "build": "0000000000000000000000000000000000000000"}
                """);
        Files.writeString(run.resolve("schedule.edn"), "{:nodes 5 :entries [{:at \"2s\" :fault :partition :targets :leader :for \"4s\"}]}");
        int code = raftlab("test", "--replay", run.toString(), "--lab", "sim", "--store", store.toString());
        assertTrue(code == 0 || code == 1, "exit " + code);
        Path replayed = runs().get(0);
        String test = Files.readString(replayed.resolve("test.json"));
        assertTrue(test.contains("\"time-limit\" : \"8000ms\"") && test.contains("\"lab\" : \"sim\""), "the stored run's 8 s, not the recipe's: " + test);
        assertEquals(ScheduleEdn.write(ScheduleEdn.read(run.resolve("schedule.edn"))), Files.readString(replayed.resolve("schedule.edn")));
        List<Op> history = HistoryReader.read(replayed.resolve("history.edn"));
        Op partition = history.stream().filter(op -> op.isNemesis() && "start-partition".equals(op.f()) && op.value() != null).findFirst().orElseThrow();
        assertEquals(2_000_000_000L, partition.time(), "the entry's offset, in virtual time");
        assertTrue(String.valueOf(partition.value()).startsWith("leader n"), "the role resolved in the simulator: " + partition.value());
    }
}
