package raftlab.harness.lab.hand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.RecordingLab;
import raftlab.harness.partition.PartitionShape;

/** Faults by hand: each is done on the lab and recorded, a failure records nothing, and a fresh reader sees what is in force. */
class HandFaultsTest {
    @TempDir Path dir;
    RecordingLab lab;
    FaultsFile file;
    HandFaults faults;

    @BeforeEach void setUp() {
        lab = new RecordingLab();
        file = new FaultsFile(dir);
        file.write(FaultsInForce.fresh(List.of("stale-reads"), false));
        faults = new HandFaults(lab, file);
    }

    @Test void partitionIsCutAndRecordedThenHealed() {
        String done = faults.partition(PartitionShape.parse("n1,n2/n3,n4,n5"), new SplittableRandom(1), Optional.empty());
        assertEquals("n1,n2/n3,n4,n5", done);
        assertEquals(List.of("partition n1,n2/n3,n4,n5"), lab.calls);
        FaultsInForce seen = new FaultsFile(dir).read();
        assertEquals(List.of("partition n1,n2/n3,n4,n5"), seen.describe());
        assertEquals(java.util.Set.of("n3", "n4", "n5"), seen.partition().dropsFrom("n1"));
        faults.heal(false);
        assertEquals("heal", lab.calls.get(lab.calls.size() - 1));
        assertEquals(List.of(), new FaultsFile(dir).read().describe());
        assertEquals(List.of("stale-reads"), new FaultsFile(dir).read().bugs(), "the lab's switches survive every change");
    }

    @Test void leaderShapeCutsTheLeaderGiven() {
        faults.partition(new PartitionShape.Leader(), new SplittableRandom(1), Optional.of("n3"));
        assertEquals(List.of("partition n1,n2,n4,n5/n3"), lab.calls);
        assertTrue(file.read().describe().get(0).startsWith("partition leader: "), file.read().describe().toString());
    }

    @Test void nodeFaultsAreRecordedAndUndone() {
        faults.kill("n3");
        faults.pause("n2");
        faults.clock("n1", Duration.ofSeconds(-90));
        assertEquals(List.of("killed n3", "paused n2", "clock n1 -90s"), file.read().describe());
        faults.start("n3");
        faults.resume("n2");
        faults.clock("n1", Duration.ZERO);
        assertEquals(List.of(), file.read().describe());
        assertEquals(List.of("kill n3", "pause n2", "clock n1 -90000", "start n3", "resume n2", "clock n1 0"), lab.calls);
    }

    @Test void healAllResumesRestartsAndResetsClocks() {
        faults.partition(new PartitionShape.Halves(), new SplittableRandom(4), Optional.empty());
        faults.kill("n4");
        faults.pause("n5");
        faults.clock("n2", Duration.ofMillis(1500));
        FaultsInForce after = faults.heal(true);
        assertEquals(List.of(), after.describe());
        assertTrue(lab.calls.containsAll(List.of("heal", "resume n5", "start n4", "reset-clocks")), lab.calls.toString());
        // Set once by hand and once back by the heal, which knows it from the record, not from the lab object.
        assertEquals(List.of("clock n2 1500", "clock n2 0"), lab.calls.stream().filter(call -> call.startsWith("clock n2 ")).toList());
    }

    @Test void aFailedActionRecordsNothing() {
        lab.broken = "n3";
        assertThrows(LabException.class, () -> faults.kill("n3"));
        assertEquals(List.of(), file.read().describe());
    }

    @Test void mistakesAreRefusedBeforeTheLabIsTouched() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> faults.kill("n9")).getMessage().contains("n1, n2, n3, n4, n5"));
        faults.kill("n3");
        lab.calls.clear();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> faults.pause("n3")).getMessage().contains("raftlab lab start n3"));
        assertThrows(IllegalArgumentException.class,
                () -> faults.partition(PartitionShape.parse("n1,n2/n3"), new SplittableRandom(1), Optional.empty()));
        assertEquals(List.of(), lab.calls);
    }

    @Test void killingAPausedNodeLeavesItKilledNotPaused() {
        faults.pause("n2");
        faults.kill("n2");
        assertEquals(List.of("killed n2"), file.read().describe());
    }

    @Test void theRecordReadsBackWhateverIsInForce() {
        FaultsInForce f = FaultsInForce.fresh(List.of("no-fsync", "forget-vote"), true)
                .withPartition("ring", raftlab.harness.lab.Grudge.of(Map.of("n1", java.util.Set.of("n3", "n4"), "n3", java.util.Set.of("n1"), "n4", java.util.Set.of("n1"))))
                .withKilled("n5").withPaused("n2").withClock("n1", Duration.ofMillis(-1500));
        assertEquals(f, FaultsInForce.fromProperties(f.toProperties()));
    }

    @Test void aDamagedRecordIsOneSentence() throws Exception {
        java.nio.file.Files.writeString(file.path(), "partition.drops=n1 hates n2\n");
        LabException e = assertThrows(LabException.class, file::read);
        assertTrue(e.getMessage().contains("bring the lab up again"), e.getMessage());
    }
}
