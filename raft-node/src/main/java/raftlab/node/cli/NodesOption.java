package raftlab.node.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import raftlab.node.client.KvClient;
import raftlab.node.transport.PeerAddress;

/** Which nodes a client command talks to: {@code --nodes host:clientPort,...} or the cluster's {@code --peers} list. */
public final class NodesOption {
    @Option(names = "--nodes", split = ",", paramLabel = "HOST:PORT",
            description = "The nodes' client API addresses, such as 127.0.0.1:8001,127.0.0.1:8002.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--peers", split = ",", paramLabel = "ID=HOST:PEERPORT:CLIENTPORT",
            description = "The cluster as given to 'raft-node run --peers'; the client ports are used.")
    List<String> peers = new ArrayList<>();

    @Option(names = "--client-token-file", paramLabel = "FILE",
            description = "A file (chmod 600) with the token the nodes were started with (run --client-token-file); sent as 'Authorization: Bearer TOKEN'.")
    Path clientTokenFile;

    /** The header that carries the client token, or none without {@code --client-token-file}. */
    public Map<String, String> authorization() {
        if (clientTokenFile == null) return Map.of();
        return Map.of("Authorization", "Bearer " + SecretFiles.read(clientTokenFile, "--client-token-file"));
    }

    /** The endpoints with their node ids where known (ids are null for --nodes). */
    public record Target(String id, KvClient.Endpoint endpoint) {}

    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        try {
            for (String p : peers) {
                PeerAddress a = PeerAddress.parse(p);
                targets.add(new Target(a.id(), new KvClient.Endpoint(a.host(), a.clientPort())));
            }
            for (KvClient.Endpoint e : KvClient.parseEndpoints(nodes)) targets.add(new Target(null, e));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + "; see --help");
        }
        if (targets.isEmpty()) {
            String env = System.getenv("RAFT_NODES");
            if (env != null && !env.isBlank()) {
                for (KvClient.Endpoint e : KvClient.parseEndpoints(List.of(env.split(",")))) targets.add(new Target(null, e));
            }
        }
        if (targets.isEmpty()) throw new UserError("no nodes given; pass --nodes host:clientPort,... or --peers id=host:peerPort:clientPort,...");
        return targets;
    }

    public List<KvClient.Endpoint> endpoints() { return targets().stream().map(Target::endpoint).toList(); }
}
