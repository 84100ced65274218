package raftlab.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.node.probe.HostileProbes;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Start a local cluster and replay hostile clients against it: bad input, a chunk-size line that never ends,",
                "strangers on the peer port, hundreds of slow clients and unfinished bodies. One line per probe",
                "(expected, observed); exit 0 when every probe saw what a hardened node must do, 1 otherwise."})
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--node-count", defaultValue = "3", description = "How many nodes (default: ${DEFAULT-VALUE}).")
    int nodeCount;

    @Option(names = "--slow-clients", defaultValue = "520", description = "Clients that send a header byte a second to the leader (default: ${DEFAULT-VALUE}).")
    int slowClients;

    @Option(names = "--slow-for", converter = Durations.class, defaultValue = "15s", description = "How long the slow clients go on (default: ${DEFAULT-VALUE}).")
    long slowMillis;

    @Option(names = "--bodies", defaultValue = "150", description = "Connections that send all but the last byte of a 1 MiB body (default: ${DEFAULT-VALUE}).")
    int bodies;

    @Option(names = "--quick", description = "Only the probes of input and of the peer port (seconds, not a minute).")
    boolean quick;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the nodes keep data and logs (default: a new temporary directory).")
    Path dataDir;

    @Override public Integer call() throws Exception {
        if (nodeCount < 1 || nodeCount > 9) throw new UserError("--node-count must be between 1 and 9");
        if (slowClients < 0 || bodies < 0) throw new UserError("--slow-clients and --bodies must not be negative");
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("raft-probe-");
        // The heap of a small VM: the per-node byte budget is a quarter of it.
        try (LocalCluster cluster = new LocalCluster(nodeCount, dir, List.of(), List.of("-Xmx256m", "-XX:+UseSerialGC"))) {
            cluster.startAll();
            HostileProbes probes = new HostileProbes(cluster, "raftlab", r -> System.out.println(r.line()));
            System.out.println("probing a " + nodeCount + "-node cluster in " + dir + " (leader n" + probes.leader() + ")");
            probes.quick();
            if (!quick) probes.load(slowClients, Math.max(1, slowMillis / 1000), bodies);
            long failed = probes.results().stream().filter(r -> !r.ok()).count();
            System.out.println(failed == 0 ? "every probe passed" : failed + " probe(s) failed; the nodes' logs are in " + dir);
            return failed == 0 ? 0 : 1;
        }
    }
}
