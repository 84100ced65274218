package raftlab.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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
import raftlab.node.cli.RaftNodeMain;
import raftlab.node.client.HttpConnection;
import raftlab.node.storage.Records;
import raftlab.node.storage.SegmentFormat;

/**
 * The reproduction of a lost acknowledged write, with real processes: a write acknowledged by the
 * leader and one follower; the leader killed with SIGKILL, the follower stopped and its newest record
 * damaged; the follower and the node that missed the write started. Damage must never pass for a torn
 * write: the damaged node refuses to start, and after an explicit repair it rejoins without a vote,
 * so the key is never read as absent, and it reads back once the old leader returns.
 */
class DiskDamageProcessTest {
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** Several election timeouts of the default settings, for checks that nothing happens. */
    private static final long QUIET_MILLIS = 4_000;
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;
    private LocalCluster cluster;

    @AfterEach void stop() throws InterruptedException {
        if (cluster != null) cluster.close();
    }

    private Path newestSegment(int node) throws Exception {
        try (Stream<Path> files = Files.list(cluster.dataDir(node))) {
            return files.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    /** The byte offset at which the newest record of the newest segment starts. */
    private long newestRecord(Path segment) throws Exception {
        Records.Scan scan = SegmentFormat.scan(Files.readAllBytes(segment));
        assertTrue(scan.ending() instanceof Records.Ending.Clean, "a cleanly stopped node's segment must end clean: " + scan.ending());
        return scan.offsets().get(scan.offsets().size() - 1);
    }

    private static HttpConnection.Response get(LocalCluster cluster, int n, String key) {
        var a = cluster.addresses().get(n - 1);
        try (HttpConnection c = new HttpConnection(a.host(), a.clientPort(), 5000)) {
            return c.request("GET", "/kv/" + key, java.util.Map.of(), null);
        } catch (Exception e) {
            return null;
        }
    }

    /** For a while, node {@code n} never answers that {@code key} is absent (nor anything else with 200). */
    /**
     * Starts the damaged node and the one that missed the write: the damaged one must stop with 254 naming the file
     * and the byte offset, and the cluster must serve the write through the other without reading it as absent.
     */
    private void damagedNodeRefusesAndTheOthersServe(int follower, int missed, Path segment, long record) throws Exception {
        Process damaged = cluster.start(follower);
        cluster.start(missed);
        assertTrue(damaged.waitFor(60, TimeUnit.SECONDS), "the damaged node must refuse to start");
        assertEquals(254, damaged.exitValue());
        String out = Files.readString(cluster.outputFile(follower));
        assertTrue(out.contains(segment.toString()) && out.contains("byte offset " + record), out);
        ClusterProbe.awaitServing(cluster, List.of(missed));
        neverReadAsAbsent(missed, "x");
    }

    private void neverReadAsAbsent(int n, String key) throws InterruptedException {
        long end = System.currentTimeMillis() + QUIET_MILLIS;
        int answered = 0;
        while (System.currentTimeMillis() < end) {
            HttpConnection.Response r = get(cluster, n, key);
            if (r != null) {
                answered++;
                assertNotEquals(200, r.status(), "n" + n + " answered " + r.body() + " for an acknowledged key while its writer is down");
            }
            Thread.sleep(200);
        }
        // A node that never answered would pass the loop above without showing anything.
        assertTrue(answered > 0, "n" + n + " never answered during " + QUIET_MILLIS + " ms");
    }

    private static int repair(Path dataDir, boolean drop, StringBuilder out) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new ArrayList<>(List.of("repair", "--data-dir", dataDir.toString()));
            if (drop) args.add("--drop");
            return RaftNodeMain.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(saved);
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    /** Sets up the reproduction and returns {leader, damaged follower, node that missed the write}. */
    private int[] writeThenLoseTheLeader() throws Exception {
        cluster = new LocalCluster(3, dir, List.of(), JVM);
        cluster.startAll();
        ClusterProbe.awaitServing(cluster, List.of(1, 2, 3));
        int leader = ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        int follower = leader == 1 ? 2 : 1;
        int missed = 6 - leader - follower;
        assertEquals(200, ClusterProbe.call(cluster, "PUT", "/kv/before", "{\"value\":0}").status());
        cluster.stop(missed);
        HttpConnection.Response put = ClusterProbe.call(cluster, "PUT", "/kv/x", "{\"value\":42}");
        assertEquals(200, put.status(), put.body());
        cluster.kill(leader);
        cluster.stop(follower);
        return new int[] {leader, follower, missed};
    }

    @Test void aFlippedLengthBitIsDamageAndARepairedNodeRejoinsWithoutAVote() throws Exception {
        int[] nodes = writeThenLoseTheLeader();
        int leader = nodes[0], follower = nodes[1], missed = nodes[2];
        Path segment = newestSegment(follower);
        long record = newestRecord(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(record + 1); // the length's second byte: the record now claims 64 KiB more than the file holds
            int b = f.read();
            f.seek(record + 1);
            f.write(b ^ 1);
        }
        damagedNodeRefusesAndTheOthersServe(follower, missed, segment, record);

        StringBuilder report = new StringBuilder();
        assertEquals(0, repair(cluster.dataDir(follower), false, report), report.toString());
        assertTrue(report.toString().contains("would: cut " + segment) && report.toString().contains("nothing was changed"), report.toString());
        Process again = cluster.start(follower);
        assertTrue(again.waitFor(60, TimeUnit.SECONDS), "a dry run must leave the damage in place, and the node refusing");
        assertEquals(254, again.exitValue());
        assertEquals(0, repair(cluster.dataDir(follower), true, report), report.toString());
        cluster.start(follower);
        ClusterProbe.awaitServing(cluster, List.of(follower));
        // The repaired node lost the write and so did the other: together they must not elect a leader.
        neverReadAsAbsent(missed, "x");
        neverReadAsAbsent(follower, "x");
        for (int n : List.of(follower, missed)) {
            JsonNode s = ClusterProbe.status(cluster, n);
            assertTrue(s == null || !s.path("role").asText().equals("leader"), "n" + n + " leads without the acknowledged write: " + s);
        }

        cluster.start(leader);
        ClusterProbe.awaitServing(cluster, List.of(leader));
        assertEquals(leader, ClusterProbe.awaitLeader(cluster, 30_000, List.of(1, 2, 3)), "only the old leader holds the write");
        HttpConnection.Response read = ClusterProbe.call(cluster, "GET", "/kv/x", null);
        assertEquals(200, read.status(), read.body());
        assertEquals("{\"value\":42}", read.body().trim());
        ClusterProbe.awaitCondition("the repaired node to rejoin", 30_000, () -> {
            try {
                return Files.readString(cluster.logFile(follower)).contains("has rejoined");
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test void zerosOverTheEndOfTheNewestRecordAreDamage() throws Exception {
        int[] nodes = writeThenLoseTheLeader();
        int follower = nodes[1], missed = nodes[2];
        Path segment = newestSegment(follower);
        long record = newestRecord(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            long from = record + SegmentFormat.RECORD_HEADER_BYTES + 1; // inside the payload: not a record boundary
            f.seek(from);
            f.write(new byte[(int) (f.length() - from)]);
        }
        damagedNodeRefusesAndTheOthersServe(follower, missed, segment, record);
    }

    /** Every node killed at once, each with a write torn off its log's end: torn tails make no node a non-voter. */
    @Test void aWholeClusterPowerCutWithTornTailsStillElectsALeaderAndServes() throws Exception {
        cluster = new LocalCluster(3, dir, List.of(), JVM);
        cluster.startAll();
        ClusterProbe.awaitServing(cluster, List.of(1, 2, 3));
        ClusterProbe.awaitLeader(cluster, 20_000, List.of(1, 2, 3));
        for (int i = 0; i < 10; i++) assertEquals(200, ClusterProbe.call(cluster, "PUT", "/kv/k" + i, "{\"value\":" + i + "}").status());
        for (int n = 1; n <= 3; n++) cluster.kill(n);
        for (int n = 1; n <= 3; n++) {
            java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(SegmentFormat.framedSize(new byte[100]));
            SegmentFormat.write(record, new byte[100]);
            try (RandomAccessFile f = new RandomAccessFile(newestSegment(n).toFile(), "rw")) {
                f.seek(f.length());
                f.write(record.array(), 0, SegmentFormat.RECORD_HEADER_BYTES + 10 * n); // the crash came during this write
            }
        }
        cluster.startAll();
        ClusterProbe.awaitServing(cluster, List.of(1, 2, 3));
        ClusterProbe.awaitLeader(cluster, 30_000, List.of(1, 2, 3));
        for (int i = 0; i < 10; i++) {
            HttpConnection.Response r = ClusterProbe.call(cluster, "GET", "/kv/k" + i, null);
            assertEquals("{\"value\":" + i + "}", r.body().trim());
        }
        assertEquals(200, ClusterProbe.call(cluster, "PUT", "/kv/after", "{\"value\":1}").status());
        for (int n = 1; n <= 3; n++) {
            String log = Files.readString(cluster.logFile(n));
            assertTrue(log.contains("cut it off"), "n" + n + " must log the cut");
            assertTrue(!log.contains("rejoining"), "a torn tail must not make n" + n + " a non-voter");
        }
    }
}
