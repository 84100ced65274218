package raftlab.harness.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;

/** schedule.edn reads back exactly what it writes, and a bad file is refused with one sentence naming the entry. */
class ScheduleEdnTest {
    private static final List<FaultKind> EVERY_KIND = List.of(FaultKind.values());

    @Test void everyDrawnScheduleReadsBackAsTheSamePlanAndTheSameBytes() {
        for (long seed = 0; seed < 300; seed++) {
            Schedule drawn = ScheduleDraw.draw(EVERY_KIND, PartitionShape.NAMED, Duration.ofMillis(700 + seed), Duration.ofSeconds(60),
                    3 + (int) (seed % 5), new SplittableRandom(seed));
            String text = ScheduleEdn.write(drawn);
            Schedule read = ScheduleEdn.parse(text);
            long s = seed;
            assertEquals(drawn, read, () -> "seed " + s + ":\n" + text);
            assertEquals(text, ScheduleEdn.write(read), "seed " + seed);
        }
    }

    @Test void durationsOfEveryGrainReadBackExactly() {
        for (Duration d : List.of(Duration.ofSeconds(10), Duration.ofMillis(1500), Duration.ofNanos(1_500_000_001L), Duration.ofNanos(2500),
                Duration.ofNanos(7), Duration.ofMillis(-90_500), Duration.ofNanos(-1))) {
            Schedule s = new Schedule(3, List.of(new ScheduleEntry(d.abs(), Trigger.NONE, new FaultSpec.Clock(Target.ONE, d, null), d.abs())));
            assertEquals(s, ScheduleEdn.parse(ScheduleEdn.write(s)), () -> d + " as " + ScheduleEdn.write(s));
        }
    }

    @Test void aHandWrittenScheduleWithTriggersRolesNodesAndGroups() {
        Schedule s = ScheduleEdn.parse("""
                ; aim at the leader
                {:nodes 5
                 :entries [{:after :ok-write :fault :partition :targets :leader :for "3s"}
                           {:at "10s" :on :leader-elected :fault :kill :targets [n1 n3] :for "500ms"}
                           {:fault :partition :targets "n1,n2/n3,n4,n5" :for "2s"}
                           {:fault :clock :targets :leader :offset "-90s" :strobe "1.5s" :for "5s"}
                           {:fault :packet :drop 0.25 :for "1s"}
                           {:fault :transfer}
                           {:fault :clock-partition :offset "-2m" :for "20s"}]}
                """);
        assertEquals(7, s.entries().size());
        ScheduleEntry first = s.entries().get(0);
        assertEquals(Trigger.OK_WRITE, first.trigger());
        assertEquals(new FaultSpec.Partition(new PartitionShape.Leader()), first.fault());
        ScheduleEntry second = s.entries().get(1);
        assertEquals(Duration.ofSeconds(10), second.at());
        assertEquals(Trigger.LEADER_ELECTED, second.trigger());
        assertEquals(new FaultSpec.Nodes(FaultKind.KILL, new Target.Nodes(List.of("n1", "n3"))), second.fault());
        assertEquals(new FaultSpec.Clock(Target.LEADER, Duration.ofSeconds(-90), Duration.ofMillis(1500)), s.entries().get(3).fault());
        assertEquals(Duration.ZERO, s.entries().get(5).duration(), "a transfer needs no :for");
        assertEquals(s, ScheduleEdn.parse(ScheduleEdn.write(s)));
        s.checkFits(5);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> s.checkFits(3));
        assertTrue(other.getMessage().contains("for 5 nodes and this test has 3"), other.getMessage());
    }

    @Test void theExampleSchedulesReadAndFitTheirClusters() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "examples", "schedules");
        List<java.nio.file.Path> files;
        try (var listing = java.nio.file.Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".edn")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "examples in " + dir.toAbsolutePath() + ": " + files);
        for (java.nio.file.Path file : files) {
            Schedule s = ScheduleEdn.read(file);
            s.checkFits(s.nodeCount());
            assertTrue(!s.entries().isEmpty(), file + " has entries");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{:nodes 5 :entries [{:fault :kill :for \"1s\" :when :now}]}     | entry 1: unknown key :when",
            "{:nodes 5 :entries [{:at \"1s\" :for \"1s\"}]}                  | entry 1: no :fault",
            "{:nodes 5 :entries [{:fault :kill}]}                            | entry 1: no :for",
            "{:nodes 5 :entries [{:fault :kill :for \"soon\"}]}              | entry 1: :for 'soon' is not a duration",
            "{:nodes 5 :entries [{:fault :explode :for \"1s\"}]}             | entry 1: unknown nemesis explode",
            "{:nodes 5 :entries [{:fault :kill :targets :everyone :for \"1s\"}]} | entry 1: unknown target :everyone",
            "{:nodes 5 :entries [{:fault :clock :targets :minority :offset \"1s\" :strobe \"1s\" :for \"1s\"}]} | entry 1: a clock strobe needs",
            "{:nodes 5 :entries [{:fault :packet :drop 2 :for \"1s\"}]}      | entry 1: :drop must be a fraction",
            "{:nodes 5 :entries [{:on :ok-write :fault :kill :for \"1s\"}]}  | entry 1: unknown trigger :on :ok-write",
            "{:nodes 5 :entries [{:fault :kill :drop 0.1 :for \"1s\"}]}      | entry 1: :kill takes no :drop",
            "{:nodes 5 :entries [{:fault :partition :targets \"n1,n2\" :for \"1s\"}]} | entry 1: :partition needs :targets",
            "{:nodes 5 :entries [{:fault :clock-partition :offset \"90s\" :for \"1s\"}]} | make it negative",
            "{:nodes 0 :entries []}                                          | :nodes must be",
            "{:entries []}                                                   | :nodes must be",
            "[:nodes 5]                                                      | a schedule is a map",
            "{:nodes 5 :entries []} {:nodes 5}                               | there is more after it",
            "{:nodes 5 :entries [{:fault :kill :for \"1s\"}                  | malformed EDN",
            "{:nodes 5 :entries [[[[[[[[[[[[]]]]]]]]]]]]}                    | nested deeper than",
    })
    void badSchedulesAreRefusedWithOneSentence(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleEdn.parse(text));
        assertTrue(e.getMessage().contains(expected.strip()), () -> "expected '" + expected.strip() + "' in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one sentence: " + e.getMessage());
    }
}
