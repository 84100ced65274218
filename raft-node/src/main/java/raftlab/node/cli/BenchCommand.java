package raftlab.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.node.client.KvClient;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start a loopback cluster with fsync on, drive it with concurrent clients, and print writes/s, reads/s",
                "and latency percentiles as a table and one JSON line; then kill the leader with SIGKILL repeatedly and time",
                "each failover until the next acknowledged write."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--clients", defaultValue = "64", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", converter = Durations.class, defaultValue = "10s", description = "Length of the write phase and of the read phase (default: ${DEFAULT-VALUE}).")
    long durationMillis;

    @Option(names = "--warmup", converter = Durations.class, defaultValue = "30s",
            description = "Writes before measuring: five JVMs compiling on two cores take about half a minute to settle (default: ${DEFAULT-VALUE}).")
    long warmupMillis;

    @Option(names = "--node-count", defaultValue = "5", description = "Nodes in the cluster (default: ${DEFAULT-VALUE}).")
    int nodeCount;

    @Option(names = "--value-size", defaultValue = "100", description = "Bytes per value (default: ${DEFAULT-VALUE}).")
    int valueSize;

    @Option(names = "--keys", defaultValue = "1000", description = "Distinct keys written (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--failovers", defaultValue = "5", description = "Leader kills to time; 0 skips the failover measurement (default: ${DEFAULT-VALUE}).")
    int failovers;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the nodes keep data and logs (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--jvm-opt", paramLabel = "OPT", description = "A JVM option for each node (repeat it; default: -Xmx512m -XX:+UseSerialGC).")
    List<String> jvmOpts;

    @Option(names = "--node-arg", paramLabel = "ARG", description = "An extra argument for every 'raft-node run' (repeat it).")
    List<String> nodeArgs = new ArrayList<>();

    @Option(names = "--nodes", split = ",", paramLabel = "HOST:PORT",
            description = "Drive an already running cluster at these client addresses instead of starting one (no failover measurement).")
    List<String> nodes;

    @Override public Integer call() throws Exception {
        if (nodes != null) {
            BenchLoad load = new BenchLoad(KvClient.parseEndpoints(nodes), clients, valueSize, keys);
            load.awaitLeader(30_000);
            announcePhases();
            load.run(true, warmupMillis);
            BenchLoad.Result writes = load.run(true, durationMillis);
            BenchLoad.Result reads = load.run(false, durationMillis);
            System.out.print(BenchReport.table(clients, writes, reads, List.of()));
            System.out.println(BenchReport.json(clients, nodes.size(), valueSize, writes, reads, List.of()));
            return 0;
        }
        if (clients < 1 || nodeCount < 1 || valueSize < 1 || keys < 1) throw new UserError("--clients, --node-count, --value-size and --keys must be positive");
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("raft-bench-");
        List<String> jvm = jvmOpts != null ? jvmOpts : List.of("-Xmx512m", "-XX:+UseSerialGC");
        try (LocalCluster cluster = new LocalCluster(nodeCount, dir, nodeArgs, jvm)) {
            cluster.startAll();
            System.out.println("bench: " + nodeCount + " nodes on loopback (fsync on), data and logs in " + dir);
            BenchLoad load = new BenchLoad(cluster.endpoints(), clients, valueSize, keys);
            // Five JVMs starting at once on a busy machine can take a while.
            load.awaitLeader(120_000);
            announcePhases();
            load.run(true, warmupMillis);
            double[] fsyncBefore = fsyncTotals(cluster.endpoints());
            BenchLoad.Result writes = load.run(true, durationMillis);
            double[] fsyncAfter = fsyncTotals(cluster.endpoints());
            BenchLoad.Result reads = load.run(false, durationMillis);
            double fsyncs = fsyncAfter[1] - fsyncBefore[1];
            System.out.printf(java.util.Locale.ROOT, "bench: during the write phase the nodes did %.0f fsyncs, mean %.2f ms each (%.1f entries per leader fsync)%n",
                    fsyncs, fsyncs == 0 ? 0 : 1000 * (fsyncAfter[0] - fsyncBefore[0]) / fsyncs, fsyncs == 0 ? 0 : writes.ok() * nodeCount / fsyncs);
            List<Long> failoverMillis = failovers > 0 ? new Failovers(cluster, failovers).measure() : List.of();
            System.out.print(BenchReport.table(clients, writes, reads, failoverMillis));
            System.out.println(BenchReport.json(clients, nodeCount, valueSize, writes, reads, failoverMillis));
        }
        return 0;
    }

    private void announcePhases() {
        System.out.printf("bench: %d clients write for %s to warm up, then write for %s and read for %s%n",
                clients, seconds(warmupMillis), seconds(durationMillis), seconds(durationMillis));
    }

    private static String seconds(long millis) { return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"; }

    /** Sum of fsync seconds and count of fsyncs over every node that answers. */
    static double[] fsyncTotals(List<KvClient.Endpoint> endpoints) {
        double seconds = 0;
        double count = 0;
        for (KvClient.Endpoint e : endpoints) {
            try (raftlab.node.client.HttpConnection c = new raftlab.node.client.HttpConnection(e.host(), e.port(), 2000)) {
                for (String line : c.request("GET", "/metrics", java.util.Map.of(), null).body().split("\n")) {
                    if (line.startsWith("raft_log_fsync_seconds_sum ")) seconds += Double.parseDouble(line.substring(line.indexOf(' ') + 1));
                    if (line.startsWith("raft_log_fsync_seconds_count ")) count += Double.parseDouble(line.substring(line.indexOf(' ') + 1));
                }
            } catch (Exception down) {
                // a node that does not answer adds nothing
            }
        }
        return new double[] {seconds, count};
    }

    static String format(double value) { return String.format(Locale.ROOT, "%.1f", value); }
}
