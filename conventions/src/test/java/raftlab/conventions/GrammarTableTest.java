package raftlab.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class GrammarTableTest {
    /** Runs every case of a table through a parser; refusals must be IllegalArgumentExceptions with a sentence. */
    static void passes(Iterable<GrammarTable.Case> table, ToLongFunction<String> parser, java.util.function.LongUnaryOperator unit) {
        for (GrammarTable.Case c : table) {
            if (c.expected().isPresent()) {
                assertEquals(unit.applyAsLong(c.expected().getAsLong()), parser.applyAsLong(c.input()), c.toString());
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.applyAsLong(c.input()), c.toString());
                assertTrue(e.getMessage().contains("'" + c.input() + "'"), "the refusal quotes the input: " + e.getMessage());
            }
        }
    }

    @Test
    void durationsPassTheSharedTable() {
        assertTrue(GrammarTable.durations().size() > 30, "the table is there");
        passes(GrammarTable.durations(), t -> Durations.parse(t).toNanos(), n -> n);
    }

    @Test
    void seedsPassTheSharedTable() {
        assertTrue(GrammarTable.seeds().size() > 20, "the table is there");
        passes(GrammarTable.seeds(), Seeds::parse, n -> n);
    }

    @Test
    void aPrintedSeedReadsBack() {
        for (long seed : new long[] {0, 42, -1, Long.MIN_VALUE, 0x1d}) assertEquals(seed, Seeds.parse(Seeds.format(seed)));
    }
}
