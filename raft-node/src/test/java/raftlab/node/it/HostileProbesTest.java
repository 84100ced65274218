package raftlab.node.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import raftlab.node.cli.LocalCluster;
import raftlab.node.probe.HostileProbes;
import raftlab.node.probe.ProbeResult;

/**
 * The probes of {@code raft-node probe}, scaled to the build: a connection limit of 40 so that 60 slow
 * clients exceed it, and a small heap so that 40 unfinished 1 MiB bodies exceed the node's byte budget.
 */
class HostileProbesTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

    @Test void aThreeNodeClusterWithstandsTheHostileClients() throws Exception {
        List<ProbeResult> seen = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(3, dir, List.of("--max-connections", "40"),
                List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))) {
            cluster.startAll();
            HostileProbes probes = new HostileProbes(cluster, "raftlab", r -> {
                seen.add(r);
                System.out.println(r.line());
            });
            probes.quick();
            probes.load(60, 8, 40);
            String lines = seen.stream().map(ProbeResult::line).collect(Collectors.joining("\n"));
            assertTrue(probes.allOk(), "probes failed (node logs in " + dir + "):\n" + lines);
            assertTrue(seen.size() >= 12, lines);
        }
    }
}
