package raftlab.sim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import raftlab.conventions.GrammarTable;

/** raftlab sim's --seed and the ends of --seeds pass the seed table every module shares. */
class SeedGrammarTest {
    @Test
    void seeds() {
        for (GrammarTable.Case c : GrammarTable.seeds()) {
            if (c.expected().isPresent()) assertEquals(c.expected().getAsLong(), Seeds.parse(c.input()), c.toString());
            else assertThrows(IllegalArgumentException.class, () -> Seeds.parse(c.input()), c.toString());
        }
    }

    @Test
    void rangeEndsUseTheSameGrammar() {
        assertArrayEquals(new long[] {1, 0x1e}, Seeds.range("1..0x1e"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.range("1..0xg"));
    }
}
