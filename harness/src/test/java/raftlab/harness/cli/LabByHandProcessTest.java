package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import raftlab.harness.lab.local.Prerequisites;

/**
 * The demonstration, as processes typing raftlab's own commands: a five-node local lab is
 * partitioned n1,n2/n3,n4,n5 by hand; n1 alone, not following redirects, never commits and ends
 * up answering 503 or 504, while the side of n3 commits and keeps its value; after lab heal n1
 * commits again. Runs only as root with iproute2, iptables, libfaketime and raft-node built;
 * otherwise it is reported skipped. Its lab's prefix and subnet come from
 * RAFTLAB_TEST_LAB_PREFIX and RAFTLAB_TEST_LAB_SUBNET (by default drawn from this JVM's pid, h&lt;pid&gt;
 * in 10.78.&lt;pid mod 250&gt;), so that it never touches a lab someone brought up by hand, nor the lab of
 * another build running the same test at the same time.
 */
class LabByHandProcessTest {
    private static final Path HOME = Path.of(System.getenv().getOrDefault("RAFTLAB_HOME", "..")).toAbsolutePath().normalize();
    private static final long PID = ProcessHandle.current().pid();
    private static final String PREFIX = System.getenv().getOrDefault("RAFTLAB_TEST_LAB_PREFIX", "h" + PID % 100_000);
    private static final String SUBNET = System.getenv().getOrDefault("RAFTLAB_TEST_LAB_SUBNET", "10.78." + PID % 250);
    /** Five JVMs starting on a loaded two-core machine take a while to elect; this bounds every wait. */
    private static final long WAIT_MILLIS = 120_000;

    private boolean labMade;

    record Run(int exit, String output) {
        @Override public String toString() { return "exit " + exit + ": " + output.strip(); }
    }

    private static Run raftlab(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xss4m",
                "-cp", System.getProperty("java.class.path"), RaftlabMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RAFTLAB_HOME", HOME.toString());
        builder.environment().put("RAFTLAB_LAB_PREFIX", PREFIX);
        builder.environment().put("RAFTLAB_LAB_SUBNET", SUBNET);
        builder.environment().remove("RAFTLAB_IN_CONTROL_NS");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("raftlab " + String.join(" ", args) + " did not finish within 120 s");
        }
        Run run = new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        System.out.println("$ raftlab " + String.join(" ", args) + "\n" + run.output().strip() + "\n(exit " + run.exit() + ")");
        return run;
    }

    /** Repeats the command until it exits 0, for at most {@link #WAIT_MILLIS}; the last run either way. */
    private static Run untilDone(String... args) throws Exception {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        Run run = raftlab(args);
        while (run.exit() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            run = raftlab(args);
        }
        return run;
    }

    /** Runs {@code script} with bash inside the lab's control namespace; its standard output. */
    private static String inControlNamespace(String script) throws IOException, InterruptedException {
        String control = PREFIX.equals("n") ? "raftlab-ctl" : PREFIX + "-ctl";
        Process process = new ProcessBuilder("ip", "netns", "exec", control, "bash", "-c", script).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bash in " + control + " did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }

    @AfterEach void down() throws Exception {
        if (labMade) assertEquals(0, raftlab("lab", "down").exit(), "the lab must come down");
    }

    private static void assumeLabPossible() {
        assumeTrue(Prerequisites.isRoot(), "not root: the local lab needs network namespaces");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip")),
                "iproute2 is not installed");
        assumeTrue(Prerequisites.fakeTimeLibrary() != null, "libfaketime is not installed");
        Path jar = HOME.resolve("raft-node/target/raft-node-0.1.0-SNAPSHOT-all.jar");
        assumeTrue(Files.isRegularFile(jar), "raft-node is not built (" + jar + ")");
    }

    /**
     * The lab makes a client token and an admin token and gives them to its nodes as files: lab kv (which sends the
     * token) is served, a request without it is refused with 401, and no node's command line, which ps shows to every
     * user, holds either token.
     */
    @Test void theNodesAskForTheLabsClientTokenAndNoCommandLineHoldsAToken() throws Exception {
        assumeLabPossible();
        labMade = true;
        Run up = raftlab("lab", "up");
        assertEquals(0, up.exit(), up.toString());
        assertEquals(0, untilDone("lab", "kv", "n1", "put", "k", "0", "--follow").exit(), "the lab never served its own client");

        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "raftlab-lab-" + PREFIX);
        String clientToken = Files.readString(dir.resolve("client-token")).strip();
        String adminToken = Files.readString(dir.resolve("admin-token")).strip();
        for (String file : List.of("cluster-secret", "client-token", "admin-token")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))), file);
        }
        for (int i = 1; i <= 5; i++) {
            String pid = Files.readString(dir.resolve("n" + i + ".pid")).strip();
            String line = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
            assertTrue(line.contains("--client-token-file " + dir.resolve("client-token")), line);
            assertTrue(line.contains("--admin-token-file " + dir.resolve("admin-token")), line);
            assertFalse(line.contains(clientToken) || line.contains(adminToken) || line.contains("--admin-token "),
                    "n" + i + "'s command line holds a token: " + line);
        }
        // A client of the lab's network without the token: bash's /dev/tcp, so nothing beyond bash is needed.
        String answer = inControlNamespace("exec 3<>/dev/tcp/" + SUBNET + ".1/8000; printf 'GET /kv/k HTTP/1.1\\r\\nHost: n1\\r\\n"
                + "Connection: close\\r\\n\\r\\n' >&3; head -1 <&3");
        assertTrue(answer.startsWith("HTTP/1.1 401"), "a request without the token must be refused: " + answer);
    }

    @Test void aMinorityDoesNotCommitAndHealingRestoresIt() throws Exception {
        assumeLabPossible();
        labMade = true;
        Run up = raftlab("lab", "up");
        assertEquals(0, up.exit(), up.toString());
        assertEquals(0, untilDone("lab", "kv", "n1", "put", "k", "0", "--follow").exit(), "the lab never committed a write");

        Run cut = raftlab("lab", "partition", "n1,n2/n3,n4,n5");
        assertEquals(0, cut.exit(), cut.toString());
        assertTrue(raftlab("lab", "status").output().contains("in force: partition n1,n2/n3,n4,n5"), "lab status shows the partition");

        Run majority = untilDone("lab", "kv", "n3", "put", "k", "3", "--follow");
        assertEquals(0, majority.exit(), "the side of n3, a majority, must commit: " + majority);

        // Cut off from a majority, n1 soon knows no leader and answers 503. Until then it may name the leader it last
        // heard of (a redirect: nothing done). An answer of 200 at any time, or no 503 ever, means the cut did not hold.
        Run minority = raftlab("lab", "kv", "n1", "put", "k", "1");
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (minority.output().contains("answered 307") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            minority = raftlab("lab", "kv", "n1", "put", "k", "1");
        }
        assertNotEquals(0, minority.exit(), "n1 alone must not commit: " + minority);
        assertTrue(minority.output().matches("(?s).*(answered 503|answered 504).*"), "n1 must find itself without a leader: " + minority);
        Run read = raftlab("lab", "kv", "n3", "get", "k", "--follow");
        assertEquals(0, read.exit(), read.toString());
        assertTrue(read.output().contains("{\"value\":3}"), "the minority's write must not show on the majority: " + read);

        Run heal = raftlab("lab", "heal");
        assertEquals(0, heal.exit(), heal.toString());
        assertTrue(heal.output().contains("faults in force: none"), heal.toString());
        Run healed = untilDone("lab", "kv", "n1", "put", "k", "9", "--follow");
        assertEquals(0, healed.exit(), "after lab heal n1 must commit again: " + healed);
        assertTrue(raftlab("lab", "kv", "n1", "get", "k", "--follow").output().contains("{\"value\":9}"));
    }
}
