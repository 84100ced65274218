package raftlab.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import raftlab.conventions.GrammarTable;

/** The node's duration options (--tick, --election-timeout, ...) pass the grammar table every module shares, in milliseconds. */
class GrammarTableTest {
    @Test
    void durations() {
        Durations converter = new Durations();
        for (GrammarTable.Case c : GrammarTable.durations()) {
            if (c.expected().isPresent()) assertEquals(Math.round(c.expected().getAsLong() / 1e6), converter.convert(c.input()), c.toString());
            else assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(c.input()), c.toString());
        }
    }

    @Test
    void theNodeNowTakesMicroseconds() {
        assertEquals(3, new Durations().convert("2500us"), "rounded to the millisecond the node ticks in");
    }
}
