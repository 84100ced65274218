package raftlab.harness.serve;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timings in BENCHMARKS.md, on demand only:
 * {@code mvn -B -ntp -q -pl harness -am -Dtest=ServeBenchTest -Draftlab.serve.bench=true -Dsurefire.failIfNoSpecifiedTests=false test};
 * the numbers are in harness/target/surefire-reports/raftlab.harness.serve.ServeBenchTest-output.txt.
 */
class ServeBenchTest {
    @Test @EnabledIfSystemProperty(named = "raftlab.serve.bench", matches = "true")
    void timings(@TempDir Path tmp) throws Exception {
        assumeTrue(Chromium.installed(), "Debian's chromium and chromium-driver are not installed");
        assumeTrue(ServeBrowserTest.canUnshareNetwork(), "cannot make a network namespace");
        System.out.println(ServeBrowserTest.inNamespace(ServeBench.class, List.of(tmp.toString()), 900));
    }
}
