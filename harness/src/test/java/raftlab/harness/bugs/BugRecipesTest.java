package raftlab.harness.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import raftlab.harness.runner.TestOptions;
import raftlab.raft.Bug;
import raftlab.raft.Bugs;

class BugRecipesTest {
    private static TestOptions test(String lab, List<String> bugs) {
        return new TestOptions("registers", lab, 5, List.of(), 10, Duration.ofSeconds(30), 100, List.of(), Duration.ofSeconds(10),
                42, Duration.ofSeconds(60), bugs, false, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void everySwitchHasARecipeThatTurnsOnOnlyThatSwitch() {
        for (Bug s : Bug.values()) {
            BugRecipe recipe = BugRecipes.forName(s.cliName());
            assertEquals(s, recipe.bug());
            Bugs on = recipe.simOptions(1, true).bugs();
            assertEquals(Bugs.of(s), on, s + " turns on that switch only");
            assertFalse(recipe.simOptions(1, false).bugs().any(), s + " control has no switch on");
        }
        assertEquals(Bug.NO_FSYNC, BugRecipes.forName("--bug-no-fsync").bug());
    }

    @Test
    void unknownNameIsOneSentence() {
        var e = assertThrows(IllegalArgumentException.class, () -> BugRecipes.forName("slow-disk"));
        assertTrue(e.getMessage().startsWith("unknown bug slow-disk; use stale-reads, "), e.getMessage());
    }

    @Test
    void applyToKeepsWhereAndSeedAndTakesTheRecipe() {
        BugRecipe recipe = BugRecipes.forName("stale-reads");
        TestOptions local = recipe.applyTo(test("local", List.of()));
        assertEquals(List.of("stale-reads"), local.bugs());
        assertEquals(42, local.seed());
        assertEquals("local", local.lab());
        assertEquals(recipe.nemeses(), local.nemeses());
        assertEquals(recipe.timeLimit(), local.timeLimit());
        assertEquals(recipe.workload(), local.workload());
        TestOptions sim = recipe.applyTo(test("sim", List.of("stale-reads")));
        assertEquals(List.of("stale-reads"), sim.bugs(), "the switch is not added twice");
        assertEquals(recipe.simTimeLimit(), sim.timeLimit());
        assertTrue(recipe.controlOf(test("local", List.of())).bugs().isEmpty());
        assertEquals(recipe, BugRecipes.of(sim).orElseThrow());
        assertTrue(recipe.simOptions(sim).bugs().has(Bug.STALE_READS));
        assertEquals(recipe.simOptions(42, true), recipe.simOptions(sim));
        assertTrue(recipe.simOptions(sim).keepGoing(), "the checker judges the whole run");
    }
}
