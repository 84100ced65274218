package raftlab.harness.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import raftlab.conventions.GrammarTable;

/** raftlab test's durations and seeds, and the simulator's microseconds, pass the grammar tables every module shares. */
class GrammarTableTest {
    @Test
    void testCommandDurations() {
        for (GrammarTable.Case c : GrammarTable.durations()) {
            if (c.expected().isPresent()) assertEquals(c.expected().getAsLong(), Durations.parse(c.input()).toNanos(), c.toString());
            else assertThrows(IllegalArgumentException.class, () -> Durations.parse(c.input()), c.toString());
        }
    }

    @Test
    void simulatorDurationsInMicroseconds() {
        for (GrammarTable.Case c : GrammarTable.durations()) {
            if (c.expected().isPresent()) {
                assertEquals(Math.round(c.expected().getAsLong() / 1000.0), raftlab.sim.Durations.parseMicros(c.input()), c.toString());
            } else {
                assertThrows(IllegalArgumentException.class, () -> raftlab.sim.Durations.parseMicros(c.input()), c.toString());
            }
        }
    }

    @Test
    void testCommandSeeds() {
        for (GrammarTable.Case c : GrammarTable.seeds()) {
            if (c.expected().isPresent()) assertEquals(c.expected().getAsLong(), Durations.parseSeed(c.input()), c.toString());
            else assertThrows(IllegalArgumentException.class, () -> Durations.parseSeed(c.input()), c.toString());
        }
    }
}
