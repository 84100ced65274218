package raftlab.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.node.transport.PeerAddress;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start a local cluster on loopback ports for trying things by hand; Ctrl-C stops it cleanly.")
public final class ClusterCommand implements Callable<Integer> {
    @Option(names = "--node-count", defaultValue = "5", description = "How many nodes (default: ${DEFAULT-VALUE}).")
    int nodeCount;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the nodes keep data and logs (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--node-arg", paramLabel = "ARG", description = "An extra argument for every 'raft-node run' (repeat it), such as --node-arg=--bug-stale-reads.")
    List<String> nodeArgs = new ArrayList<>();

    @Override public Integer call() throws Exception {
        if (nodeCount < 1 || nodeCount > 99) throw new UserError("--node-count must be between 1 and 99");
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("raft-cluster-");
        LocalCluster cluster = new LocalCluster(nodeCount, dir, nodeArgs, List.of("-Xmx512m", "-XX:+UseSerialGC"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the cluster...");
            try {
                cluster.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("stopped; data and logs are in " + dir);
            stopped.countDown();
        }));
        cluster.startAll();
        for (int n = 1; n <= nodeCount; n++) {
            PeerAddress a = cluster.addresses().get(n - 1);
            System.out.printf("%s pid %d  client http://%s:%d  peers %s:%d  log %s%n", a.id(), cluster.process(n).pid(), a.host(),
                    a.clientPort(), a.host(), a.peerPort(), cluster.logFile(n));
        }
        System.out.println("peers: " + cluster.peersArgument());
        System.out.println("admin token file: " + cluster.adminTokenFile());
        System.out.println("try:   raft-node kv put k 1 --peers " + cluster.peersArgument());
        System.out.println("       raft-node watch --peers " + cluster.peersArgument());
        System.out.println("Ctrl-C stops the cluster.");
        stopped.await();
        return 0;
    }
}
