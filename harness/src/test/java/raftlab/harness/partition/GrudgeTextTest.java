package raftlab.harness.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import raftlab.harness.lab.Grudge;

class GrudgeTextTest {
    static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    @Test void cleanCutsReadAsGroups() {
        assertEquals("n1,n2/n3,n4,n5", GrudgeText.format(Grudge.components(List.of(Set.of("n2", "n1"), Set.of("n5", "n4", "n3")))));
        assertEquals("n1,n2,n4,n5/n3", GrudgeText.format(Grudge.components(List.of(Set.of("n3"), Set.of("n1", "n2", "n4", "n5")))));
        assertEquals("none", GrudgeText.format(Grudge.of(Map.of())));
    }

    @Test void aOneWayCutIsNotCalledGroups() {
        Grudge oneWay = Grudge.of(Map.of("n1", Set.of("n2")));
        assertEquals("n1 drops n2", GrudgeText.format(oneWay));
    }

    @Test void dropsTextReadsBackToTheSameGrudgeForEveryShape() {
        for (PartitionShape shape : PartitionShape.NAMED) {
            for (long seed = 0; seed < 10; seed++) {
                Grudge g = shape.resolve(NODES, new SplittableRandom(seed), Optional.of("n1")).grudge();
                Grudge back = GrudgeText.parseDrops(GrudgeText.dropsText(g));
                for (String n : NODES) assertEquals(g.dropsFrom(n), back.dropsFrom(n), shape.text() + " seed " + seed);
            }
        }
    }

    @Test void unreadableDropsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> GrudgeText.parseDrops("n1 hates n2"));
    }
}
