package raftlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Determinism across JVM runs: another JVM whose identity hash codes follow a different rule (so any iteration
 * over an identity- or enum-hashed collection would change order) must produce the same trace, byte for byte.
 */
class CrossJvmReplayTest {
    @Test
    void anotherJvmWithOtherHashCodesProducesTheSameTrace() throws IOException, InterruptedException {
        String expected = Simulation.run(TraceDigestMain.options()).traceDigest();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2",
                "-cp", System.getProperty("java.class.path"), TraceDigestMain.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(120, TimeUnit.SECONDS)) child.destroyForcibly();
        assertEquals(0, child.exitValue(), output);
        assertEquals(expected, output, "seed 0xbeef: the trace differs in a JVM with other identity hash codes");
    }
}
