package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.LabException;

/**
 * The ssh lab against five real sshd daemons in network namespaces (vagrant/ssh-ns-lab up), run
 * from inside the lab's control namespace by vagrant/ci-ssh-lab. Skipped unless
 * RAFTLAB_SSH_LAB_STATE names a running lab. Every fault is checked by its effect on a real
 * process: connections refused by the rules, the process state after signals, and the clock the
 * node's JVM reads through libfaketime.
 */
class SshLabNamespaceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir Path tmp;

    private static Path state() {
        String dir = System.getenv("RAFTLAB_SSH_LAB_STATE");
        assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "nodes")), "no ssh namespace lab (RAFTLAB_SSH_LAB_STATE)");
        return Path.of(dir);
    }

    private SshOptions options(Path state, List<String> hosts) {
        return SshOptions.of(hosts).withPrivateKey(state.resolve("id_ed25519")).withClockMode(ClockMode.FAKETIME)
                .withRemoteDir(state.resolve("remote").toString());
    }

    /** A jar whose main is ClockEcho, built from the test classes. */
    private Path echoJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = tmp.resolve("echo.jar");
        String entry = ClockEcho.class.getName().replace('.', '/') + ".class";
        String labEntry = SshLab.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String name : List.of(entry, labEntry)) {
                out.putNextEntry(new JarEntry(name));
                try (var in = ClockEcho.class.getClassLoader().getResourceAsStream(name)) { in.transferTo(out); }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** True when {@code from} can open a TCP connection to {@code to}'s client port. */
    private static boolean connects(SshLab lab, String from, String to) {
        String address = lab.nodes().get(Integer.parseInt(to.substring(1)) - 1).host();
        SshHost host = new SshHost(from, lab.nodes().get(Integer.parseInt(from.substring(1)) - 1).host(), lab.options());
        try (host) {
            return host.run("timeout 2 bash -c 'exec 3<>/dev/tcp/" + address + "/" + SshLab.CLIENT_PORT + "'", TIMEOUT).ok();
        }
    }

    private static String processState(SshLab lab, String id) {
        SshHost host = new SshHost(id, lab.nodes().get(Integer.parseInt(id.substring(1)) - 1).host(), lab.options());
        try (host) {
            return host.run("ps -o stat= -p " + lab.pid(id).orElseThrow(), TIMEOUT).stdout().strip();
        }
    }

    /**
     * The node's wall clock minus the harness's, from a line the node wrote at least 2 s after
     * {@code sinceNanos}, when the offset file was already written (libfaketime rereads it once a second). Lines carry the node's
     * monotonic time, which namespaces on one machine share with the harness, so a line read late
     * on a busy machine is still compared with the harness's clock at the moment it was written.
     */
    private long clockSkewMillis(SshLab lab, String id, long sinceNanos) throws IOException, InterruptedException {
        long notBefore = sinceNanos + 2_000_000_000L;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Path logs = tmp.resolve("logs-" + System.nanoTime());
            lab.fetchLogs(logs);
            for (String line : Files.readAllLines(logs.resolve(id + ".log"))) {
                String[] words = line.split(" ");
                if (words.length != 3 || !words[0].equals("clock")) continue;
                long wall = Long.parseLong(words[1]);
                long mono = Long.parseLong(words[2]);
                if (mono < notBefore) continue;
                long harnessWallThen = System.currentTimeMillis() - (System.nanoTime() - mono) / 1_000_000L;
                return wall - harnessWallThen;
            }
            if (System.nanoTime() > deadline) throw new AssertionError(id + " wrote no clock line for 30 s");
            pause(500);
        }
    }

    private static void pause(long millis) throws InterruptedException { Thread.sleep(millis); }

    @Test
    void everyFaultTakesEffectAndTeardownLeavesNothing() throws Exception {
        Path state = state();
        List<String> hosts = NodesFile.read(state.resolve("nodes"));
        SshLab lab = new SshLab(options(state, hosts), new NodeBinary(echoJar(), ClockEcho.class.getName()), List.of("-Xmx64m"), List.of());
        Throwable failure = null;
        try {
            lab.up(List.of());
            for (var node : lab.nodes()) assertTrue(lab.isRunning(node.id()), node.id() + " runs after up");
            assertTrue(connects(lab, "n3", "n1"), "no partition yet: n3 reaches n1");

            lab.partition(Grudge.components(List.of(Set.of("n1", "n2"), Set.of("n3", "n4", "n5"))));
            assertFalse(connects(lab, "n3", "n1"), "partitioned: n1 drops n3's packets");
            assertTrue(connects(lab, "n2", "n1"), "n2 is on n1's side");
            lab.heal();
            assertTrue(connects(lab, "n3", "n1"), "healed: n3 reaches n1 again");

            lab.dropPackets(1.0);
            assertFalse(connects(lab, "n2", "n1"), "all packets between nodes dropped");
            lab.dropPackets(0);
            assertTrue(connects(lab, "n2", "n1"), "packet loss removed");

            lab.pauseNode("n2");
            assertTrue(processState(lab, "n2").startsWith("T"), "SIGSTOP stops n2");
            assertTrue(lab.isRunning("n2"), "a paused node counts as running");
            lab.resumeNode("n2");
            assertFalse(processState(lab, "n2").startsWith("T"), "SIGCONT resumes n2");

            long before = lab.pid("n3").orElseThrow();
            lab.killNode("n3");
            assertFalse(lab.isRunning("n3"), "kill -9 ends n3");
            assertTrue(lab.pid("n3").isEmpty());
            lab.killNode("n3"); // a dead node is not an error
            lab.startNode("n3");
            assertTrue(lab.isRunning("n3"), "n3 restarted");
            assertNotEquals(before, lab.pid("n3").orElseThrow());

            // Each measurement counts from when the lab's call returned: by then the file is written.
            lab.setClockOffset("n4", Duration.ofSeconds(120));
            long t = System.nanoTime();
            long ahead = clockSkewMillis(lab, "n4", t);
            assertTrue(Math.abs(ahead - 120_000) < 500, "n4's clock is 120 s ahead, measured " + ahead + " ms");
            long untouched = clockSkewMillis(lab, "n5", t);
            assertTrue(Math.abs(untouched) < 500, "n5's clock is untouched, measured " + untouched + " ms");
            lab.setClockOffset("n4", Duration.ofMillis(-60_500));
            long behind = clockSkewMillis(lab, "n4", System.nanoTime());
            assertTrue(Math.abs(behind + 60_500) < 500, "n4's clock is 60.5 s behind, measured " + behind + " ms");
            lab.resetClocks();
            long reset = clockSkewMillis(lab, "n4", System.nanoTime());
            assertTrue(Math.abs(reset) < 500, "reset: n4's clock is real time again, measured " + reset + " ms");

            lab.pauseNode("n5");
            lab.partition(Grudge.components(List.of(Set.of("n5"), Set.of("n1", "n2", "n3", "n4"))));
            lab.setClockOffset("n1", Duration.ofSeconds(-30));
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            SshLabTeardown.after(lab, failure);
        }
        // Teardown undid the faults left in force above and removed everything; it can run again.
        lab.teardown();
        SshHost n1 = new SshHost("n1", hosts.get(0), lab.options());
        try (n1) {
            CommandResult rules = n1.run("iptables -S", TIMEOUT);
            assertFalse(rules.stdout().contains("raftlab"), "no raftlab chain left: " + rules.stdout());
            assertEquals(1, n1.run("test -e " + Shell.quote(lab.options().remoteDir()), TIMEOUT).exitStatus(), "remote dir removed");
            assertEquals(1, n1.run("pgrep -f " + Shell.quote("[j]ava.*" + lab.options().remoteDir()), TIMEOUT).exitStatus(), "no node process left");
        }
    }

    /** The namespaces' sshd run on this machine's kernel: date -s there would set this machine's clock. */
    @Test
    void systemClockModeIsRefusedOnHostsThatShareThisKernel() throws Exception {
        Path state = state();
        List<String> hosts = NodesFile.read(state.resolve("nodes"));
        SshLab lab = new SshLab(options(state, hosts).withClockMode(ClockMode.SYSTEM), new NodeBinary(echoJar(), ClockEcho.class.getName()),
                List.of("-Xmx64m"), List.of());
        try {
            LabException e = assertThrows(LabException.class, () -> lab.up(List.of()));
            assertTrue(e.getMessage().contains("this machine's clock") && e.getMessage().endsWith("use --clock-mode faketime"), e.getMessage());
            assertTrue(e.getMessage().startsWith("n1 ("), e.getMessage());
            for (var node : lab.nodes()) assertFalse(lab.isRunning(node.id()), node.id() + " was not started");
            assertThrows(LabException.class, () -> lab.setClockOffset("n2", Duration.ofSeconds(30)), "a clock fault is refused too");
        } finally {
            lab.teardown(); // sets no clock: none was moved
        }
    }

    @Test
    void anUnreachableHostIsNamed() {
        Path state = state();
        List<String> hosts = NodesFile.read(state.resolve("nodes"));
        String dead = hosts.get(0).substring(0, hosts.get(0).lastIndexOf('.')) + ".99";
        SshOptions opts = new SshOptions(List.of(hosts.get(0), dead, hosts.get(2)), "root", java.util.Optional.empty(),
                java.util.Optional.of(state.resolve("id_ed25519")), false, ClockMode.FAKETIME,
                state.resolve("remote").toString(), Duration.ofSeconds(3), false);
        SshLab lab = new SshLab(opts, new NodeBinary(tmp.resolve("unused.jar"), "unused"), List.of(), List.of());
        LabException e = assertThrows(LabException.class, lab::connectAll);
        assertTrue(e.getMessage().startsWith("cannot reach n2 (" + dead + ":22) over SSH"), e.getMessage());
        assertFalse(e.getMessage().contains("n1 ("), e.getMessage());
    }

    @Test
    void aRefusedLoginSaysWhatToDo() throws IOException {
        Path state = state();
        List<String> hosts = NodesFile.read(state.resolve("nodes"));
        Path otherKey = tmp.resolve("other");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).start();
        try {
            assertEquals(0, keygen.waitFor());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        SshHost host = new SshHost("n1", hosts.get(0), options(state, hosts).withPrivateKey(otherKey));
        LabException e = assertThrows(LabException.class, host::connect);
        assertTrue(e.getMessage().contains("login to n1 (") && e.getMessage().contains("--ssh-private-key"), e.getMessage());
    }
}
