package raftlab.harness.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import raftlab.harness.lab.Grudge;

class PartitionShapeTest {
    static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

    @ParameterizedTest
    @ValueSource(strings = {"halves", "one", "leader", "ring", "bridge", "n1,n2/n3,n4,n5", "n3/n1,n2,n4,n5", "n1/n2/n3,n4,n5"})
    void parsesWhatItWrites(String text) {
        assertEquals(text, PartitionShape.parse(text).text());
        assertEquals(PartitionShape.parse(text), PartitionShape.parse(PartitionShape.parse(text).text()));
    }

    @Test void groupsAreWrittenSortedWhateverTheOrderGiven() {
        assertEquals("n1,n2/n3,n4,n5", PartitionShape.parse(" n2,n1 / n5,n3,n4 ").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "halfs", "n1,n2,n3", "n1,n2/", "/n1", "n1,,n2/n3", "n1,n2/n2,n3", "n1/n1", "n1;n2/n3", "n1 n2/n3"})
    void refusesWithOneSentence(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PartitionShape.parse(text));
        assertTrue(e.getMessage().contains(";"), "a sentence saying what to do: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test void explicitGroupsCutExactlyBetweenGroups() {
        Grudge g = PartitionShape.parse("n1,n2/n3,n4,n5").resolve(NODES, new SplittableRandom(1), Optional.empty()).grudge();
        assertEquals(Set.of("n3", "n4", "n5"), g.dropsFrom("n1"));
        assertEquals(Set.of("n3", "n4", "n5"), g.dropsFrom("n2"));
        for (String n : List.of("n3", "n4", "n5")) assertEquals(Set.of("n1", "n2"), g.dropsFrom(n));
    }

    @Test void groupsMustCoverTheClusterExactly() {
        PartitionShape missing = PartitionShape.parse("n1,n2/n3,n4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> missing.resolve(NODES, new SplittableRandom(1), Optional.empty()));
        assertTrue(e.getMessage().contains("leaves out n5"), e.getMessage());
        PartitionShape unknown = PartitionShape.parse("n1,n2/n3,n4,n5,n6");
        e = assertThrows(IllegalArgumentException.class, () -> unknown.resolve(NODES, new SplittableRandom(1), Optional.empty()));
        assertTrue(e.getMessage().contains("names n6"), e.getMessage());
    }

    @Test void leaderIsolatesTheLeaderGiven() {
        for (long seed = 0; seed < 20; seed++) {
            PartitionShape.Resolved r = new PartitionShape.Leader().resolve(NODES, new SplittableRandom(seed), Optional.of("n4"));
            assertEquals(Set.of("n1", "n2", "n3", "n5"), r.grudge().dropsFrom("n4"), "seed " + seed);
            assertEquals("leader n4 n1,n2,n3,n5/n4", r.description(), "seed " + seed);
        }
    }

    @Test void leaderWithoutOneSaysItTookARandomNode() {
        PartitionShape.Resolved r = new PartitionShape.Leader().resolve(NODES, new SplittableRandom(3), Optional.empty());
        assertTrue(r.description().contains("no leader known"), r.description());
        assertEquals(1, NODES.stream().filter(n -> r.grudge().dropsFrom(n).size() == 4).count(), r.description());
        // A leader that is not one of the nodes (a stale or foreign answer) counts as none.
        assertTrue(new PartitionShape.Leader().resolve(NODES, new SplittableRandom(3), Optional.of("n9")).description().contains("no leader known"));
    }

    @Test void oneIsolatesASingleNodeChosenBySeed() {
        TreeSet<String> chosen = new TreeSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Grudge g = new PartitionShape.One().resolve(NODES, new SplittableRandom(seed), Optional.of("n1")).grudge();
            List<String> lone = NODES.stream().filter(n -> g.dropsFrom(n).size() == 4).toList();
            assertEquals(1, lone.size(), "seed " + seed + ": " + g);
            chosen.addAll(lone);
        }
        assertEquals(new TreeSet<>(NODES), chosen, "over 40 seeds every node is chosen at least once");
    }

    /** Every shape on every seed: symmetric cuts, nodes of the cluster only, and the same seed gives the same cut. */
    @Test void everyNamedShapeIsSymmetricAndDeterministic() {
        for (PartitionShape shape : PartitionShape.NAMED) {
            for (long seed = 0; seed < 30; seed++) {
                Grudge a = shape.resolve(NODES, new SplittableRandom(seed), Optional.of("n2")).grudge();
                Grudge b = shape.resolve(NODES, new SplittableRandom(seed), Optional.of("n2")).grudge();
                assertEquals(a, b, shape.text() + " seed " + seed);
                assertTrue(!a.isEmpty(), shape.text() + " seed " + seed + " cuts nothing");
                for (String x : a.drops().keySet()) {
                    assertTrue(NODES.contains(x), x);
                    for (String y : a.dropsFrom(x)) assertTrue(a.dropsFrom(y).contains(x), shape.text() + " seed " + seed + ": " + x + " drops " + y + " but not back: " + a);
                }
            }
        }
    }

    @Test void describesGroupsAsGroupsAndRingsAsDrops() {
        assertEquals("n1,n2/n3,n4,n5",
                PartitionShape.parse("n1,n2/n3,n4,n5").resolve(NODES, new SplittableRandom(1), Optional.empty()).description());
        String ring = new PartitionShape.Ring().resolve(NODES, new SplittableRandom(1), Optional.empty()).description();
        assertTrue(ring.startsWith("ring n1 drops "), ring);
    }
}
