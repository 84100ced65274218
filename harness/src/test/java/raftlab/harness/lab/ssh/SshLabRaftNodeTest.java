package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.lab.LabNode;

/**
 * The ssh lab with the real raft-node on five sshd hosts in namespaces (vagrant/ssh-ns-lab):
 * the cluster elects a leader, acknowledges a write, and after the lab kills the leader with
 * kill -9 the new leader serves the write; the killed node restarts and rejoins. Skipped unless
 * RAFTLAB_SSH_LAB_STATE names a running lab and the raft-node jar is built.
 */
class SshLabRaftNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path tmp;

    private Optional<JsonNode> status(LabNode node) {
        try {
            HttpResponse<String> r = http.send(withToken(HttpRequest.newBuilder(node.clientUri().resolve("/status")), node)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The node that says it leads, waiting up to two minutes (JVMs start slowly on a loaded machine). */
    private LabNode leader(SshLab lab, String except) throws InterruptedException {
        Duration wait = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("RAFTLAB_TEST_LEADER_WAIT_SECONDS", "120")));
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (LabNode node : lab.nodes()) {
                if (node.id().equals(except)) continue;
                Optional<JsonNode> s = status(node);
                if (s.isPresent() && "leader".equals(s.get().path("role").asText())) return node;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no leader within " + wait.toSeconds() + " s");
    }

    /** The lab's client token, which its nodes ask for on every path but /health. */
    private static HttpRequest.Builder withToken(HttpRequest.Builder request, LabNode node) {
        return request.header("Authorization", "Bearer " + node.clientToken());
    }

    /** The node's command line as ps shows it to every user of its host. */
    private static String commandLine(SshLab lab, LabNode node) {
        try (SshHost host = new SshHost(node.id(), node.host(), lab.options())) {
            return host.run("tr '\\0' ' ' < /proc/" + lab.pid(node.id()).orElseThrow() + "/cmdline", Duration.ofSeconds(20)).stdout();
        }
    }

    /** The modes of the node's secrets directory and of the files in it, as {@code stat} prints them ({@code 700 secrets}). */
    private static String secretModes(SshLab lab, LabNode node) {
        String secrets = lab.options().remoteDir() + "/" + node.id() + "/secrets";
        try (SshHost host = new SshHost(node.id(), node.host(), lab.options())) {
            return host.run("cd " + secrets + " && stat -c '%a %n' . *", Duration.ofSeconds(20)).stdout();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The nodes' own words are the quickest way to see why a run failed; they go to the test's output file. */
    private void printLogs(SshLab lab) {
        try {
            Path logs = tmp.resolve("failed");
            lab.fetchLogs(logs);
            for (LabNode node : lab.nodes()) {
                Path log = logs.resolve(node.id() + ".log");
                if (!Files.exists(log)) continue;
                List<String> lines = Files.readAllLines(log);
                System.out.println("--- " + node.id() + " (last 15 lines)");
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.out::println);
            }
        } catch (Exception e) {
            System.out.println("could not fetch the node logs: " + e);
        }
    }

    @Test
    void aWriteSurvivesKillingTheLeader() throws Exception {
        String stateDir = System.getenv("RAFTLAB_SSH_LAB_STATE");
        assumeTrue(stateDir != null && Files.isRegularFile(Path.of(stateDir, "nodes")), "no ssh namespace lab (RAFTLAB_SSH_LAB_STATE)");
        Path home = Path.of(System.getenv().getOrDefault("RAFTLAB_HOME", "..")).toAbsolutePath();
        Path jar = home.resolve("raft-node/target/raft-node-0.1.0-SNAPSHOT-all.jar");
        assumeTrue(Files.isRegularFile(jar), "raft-node is not built (" + jar + ")");
        Path state = Path.of(stateDir);
        SshOptions options = SshOptions.of(NodesFile.read(state.resolve("nodes"))).withPrivateKey(state.resolve("id_ed25519"))
                .withClockMode(ClockMode.FAKETIME).withRemoteDir(state.resolve("remote-raft").toString());
        // Slow hosts (emulated VMs) stretch the node's timers through RAFTLAB_NODE_ARGS, as vagrant/test-vms does.
        String nodeArgs = System.getenv().getOrDefault("RAFTLAB_NODE_ARGS", "--election-timeout 1s --heartbeat 100ms");
        SshLab lab = new SshLab(options, NodeBinary.raftNode(home), List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of(nodeArgs.trim().split("\\s+")));
        Throwable failure = null;
        try {
            lab.up(List.of());
            LabNode first = leader(lab, "");
            String token = first.clientToken();
            assertTrue(token != null && token.length() >= 16, "the lab made a client token");
            HttpResponse<String> refused = send(HttpRequest.newBuilder(first.clientUri().resolve("/kv/k"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 41}")).header("Content-Type", "application/json"));
            assertEquals(401, refused.statusCode(), "a client without the lab's token is refused: " + refused.body());
            HttpResponse<String> put = send(withToken(HttpRequest.newBuilder(first.clientUri().resolve("/kv/k")), first)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": 42}")).header("Content-Type", "application/json"));
            assertEquals(200, put.statusCode(), "write acknowledged: " + put.body());
            for (LabNode node : lab.nodes()) {
                String line = commandLine(lab, node);
                assertTrue(line.contains("--client-token-file") && line.contains("--admin-token-file") && line.contains("--cluster-secret-file"), line);
                assertFalse(line.contains(token) || line.contains(lab.adminToken()) || line.contains("--admin-token "),
                        node.id() + "'s command line, which ps shows to every user, holds a token: " + line);
                assertEquals(List.of("600 admin-token", "600 client-token", "600 cluster-secret", "700 ."),
                        secretModes(lab, node).lines().map(String::strip).sorted().toList(), node.id() + "'s secrets are its owner's alone");
            }

            lab.killNode(first.id());
            assertFalse(lab.isRunning(first.id()));
            LabNode second = leader(lab, first.id());
            assertNotEquals(first.id(), second.id());
            HttpResponse<String> get = send(withToken(HttpRequest.newBuilder(second.clientUri().resolve("/kv/k")), second).GET());
            assertEquals(200, get.statusCode(), get.body());
            assertEquals(42, JSON.readTree(get.body()).path("value").asInt(), "the new leader serves the acknowledged write");

            lab.startNode(first.id());
            assertTrue(lab.isRunning(first.id()), "the killed node restarts");
            lab.fetchLogs(tmp);
            assertTrue(Files.size(tmp.resolve(first.id() + ".log")) > 0, "the node's log is fetched");
        } catch (Throwable t) {
            failure = t;
            printLogs(lab);
            throw t;
        } finally {
            SshLabTeardown.after(lab, failure);
        }
    }
}
