package raftlab.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import raftlab.conventions.GrammarTable;

/** The checker's --time-limit and --seed pass the grammar tables every module shares. */
class GrammarTableTest {
    @Test
    void durations() {
        for (GrammarTable.Case c : GrammarTable.durations()) {
            if (c.expected().isPresent()) assertEquals(c.expected().getAsLong(), Durations.parse(c.input()).toNanos(), c.toString());
            else assertThrows(IllegalArgumentException.class, () -> Durations.parse(c.input()), c.toString());
        }
    }

    @Test
    void seeds() throws Exception {
        for (GrammarTable.Case c : GrammarTable.seeds()) {
            if (c.expected().isPresent()) assertEquals(c.expected().getAsLong(), CheckCommand.parseSeed(c.input()), c.toString());
            else assertThrows(CheckCommand.UsageException.class, () -> CheckCommand.parseSeed(c.input()), c.toString());
        }
    }
}
