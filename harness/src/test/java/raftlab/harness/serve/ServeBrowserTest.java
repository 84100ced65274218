package raftlab.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.cli.RaftlabMain;

/**
 * raftlab serve in a real browser: Debian's headless Chromium, driven by Selenium, with the server
 * and the browser in a network namespace that has only loopback ({@code unshare -n}). Reported as
 * skipped where Chromium, chromedriver or namespaces are missing. Screenshots are kept in
 * {@code harness/target/serve-screenshots/}.
 */
class ServeBrowserTest {
    static final long TOUR_SECONDS = 150;

    @Test void aPersonFindsTheInvalidRunAndSeesWhy(@TempDir Path tmp) throws Exception {
        assumeTrue(Chromium.installed(), "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        assumeTrue(canUnshareNetwork(), "cannot make a network namespace (unshare -n needs root and iproute2)");
        Path store = tmp.resolve("store");
        // Seeds chosen so that the stale read is caught with a read of a value (seed 3), and the valid run has partitions (seed 1).
        assertEquals(0, RaftlabMain.run("test", "--lab", "sim", "--time-limit", "10s", "--nemesis", "partition", "--seed", "1",
                "--store", store.toString()), "reproduce with raftlab test --lab sim --seed 1");
        assertEquals(1, RaftlabMain.run("test", "--lab", "sim", "--time-limit", "10s", "--bug", "stale-reads", "--seed", "3",
                "--store", store.toString()), "reproduce with raftlab test --lab sim --bug stale-reads --seed 3");
        Path shots = Path.of("target", "serve-screenshots").toAbsolutePath();
        String output = inNamespace(BrowserTour.class, List.of(store.toString(), shots.toString()), TOUR_SECONDS);
        System.out.println(output);
    }

    static boolean canUnshareNetwork() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "--", "ip", "link", "set", "lo", "up").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code main} in a fresh JVM inside a network namespace with loopback up; fails with its output unless it exits 0. */
    static String inNamespace(Class<?> main, List<String> args, long seconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("unshare", "-n", "--", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh",
                java, "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SE_OFFLINE", "true"); // Selenium must not look for drivers or browsers to download
        Path log = Files.createTempFile("serve-browser", ".log");
        builder.redirectOutput(log.toFile());
        Process child = builder.start();
        try {
            if (!child.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError(main.getSimpleName() + " did not finish in " + seconds + " s:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), main.getSimpleName() + " failed:\n" + output);
            return output;
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
