package raftlab.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.harness.partition.PartitionShape;

class NemesisChoiceTest {
    private static List<String> texts(NemesisChoice c) { return c.partitionShapes().stream().map(PartitionShape::text).toList(); }

    @Test void plainPartitionDrawsFromEveryNamedShape() {
        NemesisChoice c = NemesisChoice.parse(List.of("partition,kill"));
        assertEquals(List.of(FaultKind.PARTITION, FaultKind.KILL), c.kinds());
        assertTrue(c.everyNamedShape());
    }

    @Test void namedShapesNarrowTheDraw() {
        NemesisChoice c = NemesisChoice.parse(List.of("partition-ring,partition-bridge", "pause"));
        assertEquals(List.of(FaultKind.PARTITION, FaultKind.PAUSE), c.kinds());
        assertEquals(List.of("ring", "bridge"), texts(c));
    }

    @Test void groupsKeepTheirCommasAndTheListGoesOnAfterThem() {
        NemesisChoice c = NemesisChoice.parse(List.of("kill,partition:n1,n2/n3,n4,n5,clock"));
        assertEquals(List.of(FaultKind.KILL, FaultKind.PARTITION, FaultKind.CLOCK), c.kinds());
        assertEquals(List.of("n1,n2/n3,n4,n5"), texts(c));
    }

    @Test void clockPartitionIsStillItsOwnFault() {
        NemesisChoice c = NemesisChoice.parse(List.of("clock-partition"));
        assertEquals(List.of(FaultKind.CLOCK_PARTITION), c.kinds());
        assertEquals(List.of(), c.partitionShapes());
    }

    @Test void noneAndEmptyAskForNothing() {
        assertEquals(new NemesisChoice(List.of(), List.of()), NemesisChoice.parse(List.of("none")));
        assertEquals(new NemesisChoice(List.of(), List.of()), NemesisChoice.parse(List.of()));
    }

    @Test void badShapesAreOneSentence() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NemesisChoice.parse(List.of("partition-square")))
                .getMessage().contains("partition-ring"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NemesisChoice.parse(List.of("partition:ring")))
                .getMessage().contains("partition-ring"));
        assertThrows(IllegalArgumentException.class, () -> NemesisChoice.parse(List.of("partition:n1,n2")));
        assertThrows(IllegalArgumentException.class, () -> NemesisChoice.parse(List.of("partition:")));
    }
}
