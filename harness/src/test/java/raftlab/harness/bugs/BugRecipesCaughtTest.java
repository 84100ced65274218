package raftlab.harness.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raftlab.checker.Validity;

/**
 * Each bug switch's recipe is caught by the checker in the simulator from a fixed seed (found by {@code raftlab detect}), and
 * the same recipe with the switch off is valid from that seed. A change that blinds the harness, or breaks the node without a
 * switch, fails here.
 */
class BugRecipesCaughtTest {
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0} from seed {1}")
    @CsvSource({
            "stale-reads, 1",
            "ack-on-append, 3",
            "no-fsync, 2",
            "lease-wall-clock, 2",
            "forget-vote, 1",
            "commit-old-term, 1",
    })
    void switchIsCaughtAndControlIsValid(String name, long seed) {
        BugRecipe recipe = BugRecipes.forName(name);
        Trial on = Trial.simulate(recipe, seed, true, CHECK_LIMIT);
        assertEquals(Validity.INVALID, on.verdict(), () -> "--bug-" + name + " was not caught from seed " + seed
                + "; reproduce with " + on.reproduce());
        Trial off = Trial.simulate(recipe, seed, false, CHECK_LIMIT);
        assertEquals(Validity.VALID, off.verdict(), () -> "the " + name + " recipe without the switch is not valid from seed "
                + seed + "; reproduce with " + off.reproduce() + (off.explanation() == null ? "" : "\n" + off.explanation()));
    }
}
