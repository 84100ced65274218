package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import raftlab.harness.lab.local.LocalLayout;

/** An option beats the environment, which beats the default lab; a variable set to nothing is unset. */
class LocalLabNameTest {
    private static UnaryOperator<String> environment(Map<String, String> variables) { return variables::get; }

    @Test void theOptionBeatsTheEnvironment() {
        UnaryOperator<String> env = environment(Map.of("RAFTLAB_LAB_PREFIX", "t9", "RAFTLAB_LAB_SUBNET", "10.73.0"));
        assertEquals("x", LocalLabName.prefix("x", env));
        assertEquals("10.1.2", LocalLabName.subnet("10.1.2", env));
        assertEquals("t9", LocalLabName.prefix(null, env));
        assertEquals("10.73.0", LocalLabName.subnet(null, env));
    }

    @Test void anUnsetOrEmptyVariableMeansTheDefaultLab() {
        assertEquals(LocalLayout.DEFAULT_PREFIX, LocalLabName.prefix(null, environment(Map.of())));
        assertEquals(LocalLayout.DEFAULT_SUBNET, LocalLabName.subnet(null, environment(Map.of("RAFTLAB_LAB_SUBNET", " "))));
    }
}
