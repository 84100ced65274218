package raftlab.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import raftlab.node.cli.LocalCluster;
import raftlab.node.client.HttpConnection;

/**
 * Real {@code raft-node run} processes on loopback, killed with SIGKILL (Process.destroyForcibly).
 * Each test prints where the nodes' logs are when it fails.
 */
class NodeProcessesTest {
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    // Kept when a test fails, so that the nodes' logs it names can be read.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;
    private LocalCluster cluster;

    @AfterEach void stop() throws InterruptedException {
        if (cluster != null) cluster.close();
    }

    private LocalCluster start(int nodes, String... nodeArgs) throws Exception {
        cluster = new LocalCluster(nodes, dir, List.of(nodeArgs), JVM);
        cluster.startAll();
        ClusterProbe.awaitServing(cluster, all(nodes));
        return cluster;
    }

    private static List<Integer> all(int nodes) {
        List<Integer> ids = new ArrayList<>();
        for (int n = 1; n <= nodes; n++) ids.add(n);
        return ids;
    }

    private static void assertOk(HttpConnection.Response r, String expectedBody) {
        assertEquals(200, r.status(), r.body());
        if (expectedBody != null) assertEquals(expectedBody, r.body().trim());
    }

    @Test void acknowledgedWriteIsReadFromTheNewLeaderAfterSigkillOfTheOldOne() throws Exception {
        start(3);
        int leader = ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        assertOk(ClusterProbe.call(cluster, "PUT", "/kv/x", "{\"value\":42}"), "{\"value\":42}");
        cluster.kill(leader);
        List<Integer> rest = new ArrayList<>(List.of(1, 2, 3));
        rest.remove(Integer.valueOf(leader));
        int next = ClusterProbe.awaitLeader(cluster, 20_000, rest);
        assertTrue(next != leader);
        assertOk(ClusterProbe.call(cluster, "GET", "/kv/x", null), "{\"value\":42}");
    }

    @Test void acknowledgedWritesSurviveSigkillOfEveryNodeAtOnce() throws Exception {
        start(3);
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        for (int i = 0; i < 20; i++) assertOk(ClusterProbe.call(cluster, "PUT", "/kv/k" + i, "{\"value\":" + i + "}"), null);
        for (int n = 1; n <= 3; n++) cluster.process(n).destroyForcibly();
        for (int n = 1; n <= 3; n++) cluster.kill(n);
        cluster.startAll();
        ClusterProbe.awaitServing(cluster, List.of(1, 2, 3));
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        for (int i = 0; i < 20; i++) assertOk(ClusterProbe.call(cluster, "GET", "/kv/k" + i, null), "{\"value\":" + i + "}");
    }

    @Test void restartedNodeCatchesUpByInstallSnapshotAfterCompaction() throws Exception {
        start(3, "--snapshot-every", "20");
        int leader = ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        int follower = leader == 3 ? 2 : 3;
        long followerLast = ClusterProbe.awaitStatus(cluster, follower, 20_000).path("lastIndex").asLong();
        cluster.kill(follower);
        for (int i = 0; i < 60; i++) assertOk(ClusterProbe.call(cluster, "PUT", "/kv/k" + (i % 7), "{\"value\":" + i + "}"), null);
        // Leadership may have moved between the two live nodes meanwhile; ask whoever leads now.
        List<Integer> live = new ArrayList<>(List.of(1, 2, 3));
        live.remove(Integer.valueOf(follower));
        leader = ClusterProbe.awaitLeader(cluster, 20_000, live);
        JsonNode leaderStatus = ClusterProbe.awaitStatus(cluster, leader, 20_000);
        assertTrue(leaderStatus.path("snapshotIndex").asLong() >= 40, leaderStatus.toString());
        long commit = leaderStatus.path("commit").asLong();
        // The leader no longer has the entries the follower needs next, so only a snapshot can bring it up to date.
        assertTrue(leaderStatus.path("firstIndex").asLong() > followerLast + 1, leaderStatus + " vs follower last " + followerLast);
        cluster.start(follower);
        ClusterProbe.awaitServing(cluster, List.of(follower));
        ClusterProbe.awaitCondition("n" + follower + " to catch up to " + commit, 20_000, () -> {
            JsonNode s = ClusterProbe.status(cluster, follower);
            return s != null && s.path("applied").asLong() >= commit;
        });
        JsonNode caughtUp = ClusterProbe.awaitStatus(cluster, follower, 20_000);
        assertTrue(caughtUp.path("snapshotIndex").asLong() >= 40, "it should have installed the leader's snapshot: " + caughtUp);
    }

    @Test void nodeAddedWithAdminAddCatchesUpAndVotes() throws Exception {
        start(3);
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        for (int i = 0; i < 10; i++) assertOk(ClusterProbe.call(cluster, "PUT", "/kv/k" + i, "{\"value\":" + i + "}"), null);
        int added = cluster.addJoiner();
        String address = cluster.addresses().get(added - 1).host() + ":" + cluster.addresses().get(added - 1).peerPort() + ":"
                + cluster.addresses().get(added - 1).clientPort();
        HttpConnection.Response r = ClusterProbe.admin(cluster, "add", "{\"id\":\"n" + added + "\",\"address\":\"" + address + "\"}");
        assertEquals(200, r.status(), r.body());
        ClusterProbe.awaitCondition("n4 to become a voter", 20_000, () -> {
            JsonNode s = ClusterProbe.status(cluster, added);
            return s != null && s.path("voters").toString().contains("\"n4\"") && s.path("applied").asLong() >= 11;
        });
        // With four voters a quorum is three: after killing the leader, no election and no write succeeds without n4's vote.
        int leader = ClusterProbe.awaitLeader(cluster, 10_000, List.of(1, 2, 3, 4));
        if (leader == added) {
            assertEquals(200, ClusterProbe.admin(cluster, "transfer", "{\"id\":\"n1\"}").status());
            leader = ClusterProbe.awaitLeader(cluster, 10_000, List.of(1, 2, 3));
        }
        cluster.kill(leader);
        List<Integer> rest = new ArrayList<>(List.of(1, 2, 3, 4));
        rest.remove(Integer.valueOf(leader));
        ClusterProbe.awaitLeader(cluster, 20_000, rest);
        assertOk(ClusterProbe.call(cluster, "PUT", "/kv/after", "{\"value\":\"yes\"}"), null);
        assertOk(ClusterProbe.call(cluster, "GET", "/kv/k9", null), "{\"value\":9}");
    }

    private Path onlySegment(int node) throws Exception {
        try (Stream<Path> files = Files.list(cluster.dataDir(node))) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test void tornFinalWalRecordIsCutOffAndTheNodeStarts() throws Exception {
        start(1);
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1));
        for (int i = 0; i < 5; i++) assertOk(ClusterProbe.call(cluster, "PUT", "/kv/k" + i, "{\"value\":" + i + "}"), null);
        cluster.kill(1);
        try (RandomAccessFile file = new RandomAccessFile(onlySegment(1).toFile(), "rw")) {
            file.seek(file.length());
            file.writeInt(1000); // a record header promising 1000 bytes, then a crash after 3 of them
            file.writeInt(0x12345678);
            file.write(new byte[] {1, 2, 3});
        }
        cluster.start(1);
        ClusterProbe.awaitServing(cluster, List.of(1));
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1));
        assertOk(ClusterProbe.call(cluster, "GET", "/kv/k4", null), "{\"value\":4}");
        assertTrue(Files.readString(cluster.logFile(1)).contains("cut it off"), "the cut must be logged");
    }

    @Test void flippedByteInTheMiddleOfTheLogStopsTheNodeWithAClearError() throws Exception {
        start(1);
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1));
        for (int i = 0; i < 20; i++) assertOk(ClusterProbe.call(cluster, "PUT", "/kv/k" + i, "{\"value\":" + i + "}"), null);
        cluster.stop(1);
        Path segment = onlySegment(1);
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x01);
        }
        Process p = cluster.start(1);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the node must stop by itself");
        assertEquals(254, p.exitValue());
        String out = Files.readString(cluster.outputFile(1));
        assertTrue(out.contains("error: the write-ahead log is corrupt") && out.contains(segment.toString()) && out.contains("byte offset"), out);
    }
}
