package raftlab.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import raftlab.harness.lab.Grudge;

class PartitionsTest {
    static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    /** Every grudge must be symmetric: if a drops b, b drops a (a one-way cut is a different fault). */
    static void assertSymmetric(Grudge g) {
        for (String a : NODES) for (String b : g.dropsFrom(a)) assertTrue(g.dropsFrom(b).contains(a), a + " drops " + b + " but not back: " + g);
    }

    @Test void halvesCutTwoAgainstThree() {
        for (long seed = 0; seed < 50; seed++) {
            Grudge g = Partitions.halves(NODES, new SplittableRandom(seed));
            assertSymmetric(g);
            long small = NODES.stream().filter(n -> g.dropsFrom(n).size() == 3).count();
            long large = NODES.stream().filter(n -> g.dropsFrom(n).size() == 2).count();
            assertEquals(2, small, "seed " + seed + ": " + g);
            assertEquals(3, large, "seed " + seed + ": " + g);
        }
    }

    @Test void majoritiesRingGivesEveryNodeADifferentMajority() {
        for (long seed = 0; seed < 50; seed++) {
            Grudge g = Partitions.majoritiesRing(NODES, new SplittableRandom(seed));
            assertSymmetric(g);
            java.util.Set<java.util.Set<String>> views = new java.util.HashSet<>();
            for (String n : NODES) {
                assertEquals(2, g.dropsFrom(n).size(), "seed " + seed + ": each node sees itself and two others: " + g);
                java.util.TreeSet<String> view = new java.util.TreeSet<>(NODES);
                view.removeAll(g.dropsFrom(n));
                views.add(view);
            }
            assertEquals(5, views.size(), "seed " + seed + ": " + g);
        }
    }

    @Test void bridgeLeavesOneNodeSeeingEveryone() {
        Grudge g = Partitions.bridge(NODES, new SplittableRandom(5));
        assertSymmetric(g);
        assertEquals(1, NODES.stream().filter(n -> g.dropsFrom(n).isEmpty()).count(), g.toString());
    }

    @Test void isolateCutsOneNode() {
        Grudge g = Partitions.isolate(NODES, "n3");
        assertSymmetric(g);
        assertEquals(4, g.dropsFrom("n3").size());
        assertEquals(java.util.Set.of("n3"), g.dropsFrom("n1"));
    }
}
