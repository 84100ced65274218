package raftlab.node;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import raftlab.node.cli.LocalCluster;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.Outcome;
import raftlab.raft.RaftConfig;
import raftlab.raft.kv.KvOp;

/**
 * A measurement, not a test: one node in this JVM (run it with -Xmx512m) commits COUNT distinct keys with
 * 100-byte values through the real node loop and storage (snapshots and compaction on), then reports the heap
 * in use after a full GC. Usage: MemoryCheck DIR [COUNT] [SNAPSHOT_EVERY].
 */
public final class MemoryCheck {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long snapshotEvery = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
        Files.createDirectories(dir);
        var address = LocalCluster.newAddress("n1");
        RaftConfig d = RaftConfig.defaults(List.of(NodeId.of("n1")));
        RaftConfig config = new RaftConfig(d.initialVoters(), d.electionTicksMin(), d.heartbeatTicks(), d.readMode(), d.clockDriftBound(),
                d.maxEntriesPerAppend(), d.maxInflightAppends(), snapshotEvery, d.snapshotChunkBytes(), d.maxSessions(),
                d.requestTimeoutTicks(), false);
        NodeSettings settings = new NodeSettings("n1", List.of(address), dir, "mem", "s".getBytes(StandardCharsets.UTF_8), null,
                "127.0.0.1", 10, config, Bugs.NONE, false, 1024, 0, 16 << 20, 4, 60_000, null);
        NodeRuntime node = NodeRuntime.start(settings, new NodeLog(new PrintStream(Files.newOutputStream(dir.resolve("node.log"))), "n1"));
        while (!node.status().role().name().equals("LEADER")) Thread.sleep(10);
        String value = "\"" + "v".repeat(98) + "\"";
        long start = System.nanoTime();
        long maxUsed = 0;
        List<CompletableFuture<Outcome>> window = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CompletableFuture<Outcome> f;
            while ((f = node.submit(new KvOp.Put(String.format("key%07d", i), value), null, 0)) == null) Thread.sleep(1);
            window.add(f);
            if (window.size() == 2000) {
                for (CompletableFuture<Outcome> w : window) {
                    Outcome o = w.get();
                    if (!(o instanceof Outcome.Ok)) throw new IllegalStateException("write failed: " + o);
                }
                window.clear();
                Runtime rt = Runtime.getRuntime();
                maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
            }
            if (i % 100_000 == 0) System.out.println("committed " + i + " after " + (System.nanoTime() - start) / 1_000_000 + " ms; status " + node.status());
        }
        for (CompletableFuture<Outcome> w : window) w.get();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("committed %d values of 100 bytes in %d s; heap max %d MiB, in use after full GC %d MiB, highest sampled %d MiB; %s%n",
                count, seconds, rt.maxMemory() >> 20, used >> 20, maxUsed >> 20, node.status());
        node.close();
        System.exit(0);
    }
}
