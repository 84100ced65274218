package raftlab.node.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.node.NodeLog;
import raftlab.node.NodeRuntime;
import raftlab.node.NodeSettings;
import raftlab.node.storage.RaftStorage;
import raftlab.node.storage.StorageCorruptException;
import raftlab.node.transport.PeerAddress;
import raftlab.raft.Bugs;
import raftlab.raft.NodeId;
import raftlab.raft.RaftConfig;
import raftlab.raft.ReadMode;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = BugOptions.Transformer.class,
        description = "Run one Raft key-value node until SIGTERM or Ctrl-C.",
        footer = {"", "Options may also come from --config node.json, whose keys are the long option names without dashes",
                "(\"id\", \"peers\", \"data-dir\", ...); options on the command line win."})
public final class RunCommand implements Callable<Integer>, BugOptions.Holder {
    @Option(names = "--id", paramLabel = "ID", description = "This node's id, one of the ids in --peers.")
    String id;

    @Option(names = "--peers", split = ",", paramLabel = "ID=HOST:PEERPORT:CLIENTPORT",
            description = "Every node of the cluster, this one included, such as n1=10.0.0.11:7001:8001,n2=...")
    List<String> peers = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON file with options (see below).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the log, snapshots and hard state live (default: ./data-<id>).")
    Path dataDir;

    @Option(names = "--cluster-id", defaultValue = "raftlab", description = "The cluster's name; peers and data directories of another cluster are refused (default: ${DEFAULT-VALUE}).")
    String clusterId;

    @Option(names = "--cluster-secret-file", paramLabel = "FILE",
            description = "Required: a file (chmod 600) holding the secret every peer proves in the handshake; the same in every node.")
    Path clusterSecretFile;

    /** Refused: a secret on the command line is shown by ps to everyone on the machine. */
    @Option(names = "--cluster-secret", paramLabel = "SECRET", hidden = true)
    String clusterSecret;

    @Option(names = "--client-token-file", paramLabel = "FILE",
            description = "Optional: a file (chmod 600) with a token every client request except GET /health must carry as 'Authorization: Bearer TOKEN'.")
    Path clientTokenFile;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "A file (chmod 600) with the token admin requests must carry in Admin-Token (default: admin disabled).")
    Path adminTokenFile;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "As --admin-token-file, but visible to every user in ps; for trying things by hand.")
    String adminToken;

    @Option(names = "--bind", paramLabel = "HOST", description = "The address to listen on (default: this node's host in --peers).")
    String bind;

    @Option(names = "--join", description = "Start outside the cluster and wait to be added with 'raft-node admin add'.")
    boolean join;

    @Option(names = "--tick", converter = Durations.class, defaultValue = "10ms", description = "The tick of the Raft clock (default: ${DEFAULT-VALUE}).")
    long tickMillis;

    @Option(names = "--election-timeout", converter = Durations.class, defaultValue = "150ms",
            description = "The minimum election timeout; each timeout is drawn from [t, 2t) (default: ${DEFAULT-VALUE}).")
    long electionMillis;

    @Option(names = "--heartbeat", converter = Durations.class, defaultValue = "30ms", description = "The leader's heartbeat interval (default: ${DEFAULT-VALUE}).")
    long heartbeatMillis;

    @Option(names = "--request-timeout", converter = Durations.class, defaultValue = "5s",
            description = "A client request not answered by then gets 504, outcome unknown (default: ${DEFAULT-VALUE}).")
    long requestTimeoutMillis;

    @Option(names = "--read-mode", defaultValue = "read-index", paramLabel = "read-index|lease",
            description = "How the leader serves linearizable reads (default: ${DEFAULT-VALUE}).")
    String readMode;

    @Option(names = "--snapshot-every", defaultValue = "10000", paramLabel = "ENTRIES",
            description = "Take a snapshot and compact the log after this many applied entries (default: ${DEFAULT-VALUE}).")
    long snapshotEvery;

    @Option(names = "--fsync-batch-max-entries", defaultValue = "1024",
            description = "Group commit: at most this many client requests share one fsync (default: ${DEFAULT-VALUE}).")
    int batchMaxEntries;

    @Option(names = "--fsync-batch-wait", converter = Durations.class, defaultValue = "0ms",
            description = "Group commit: wait this long for more requests before an fsync; 0 never waits (default: ${DEFAULT-VALUE}).")
    long batchWaitMillis;

    @Option(names = "--segment-size", defaultValue = "16777216", paramLabel = "BYTES", description = "Log segment size (default: ${DEFAULT-VALUE}).")
    long segmentBytes;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "512", description = "Client connections served at once; past it a new one takes the slot of the one waiting longest without a whole request, or gets 503; idle ones close after 60 s (default: ${DEFAULT-VALUE}).")
    int maxClientConnections;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Append the log here instead of standard output.")
    Path logFile;

    @Option(names = "--explain", description = "Log every Raft decision with its reason (slow; for people).")
    boolean explain;

    final BugOptions bugOptions = new BugOptions();

    @Override public BugOptions bugOptions() { return bugOptions; }

    @Override public Integer call() throws IOException, InterruptedException {
        NodeSettings settings = settings();
        PrintStream out = logFile == null ? System.out
                : new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
        NodeLog log = new NodeLog(out, id);
        PeerAddress self = settings.self();
        String started = "raft-node " + id + " pid " + ProcessHandle.current().pid() + ": peers on " + settings.bindHost() + ":" + self.peerPort()
                + ", client API on http://" + settings.bindHost() + ":" + self.clientPort() + ", data in " + settings.dataDir();
        System.out.println(started);
        if (logFile != null) log.info(started);
        if (settings.bugs().any()) {
            String warning = "WARNING: bug switches on (" + String.join(", ", settings.bugs().names())
                    + "): this node breaks its promises on purpose, for lab exercises";
            System.err.println(warning);
            log.info(warning);
        }
        NodeRuntime node;
        try {
            node = NodeRuntime.start(settings, log);
        } catch (IllegalStateException | StorageCorruptException e) {
            log.info("error: " + e.getMessage());
            throw new UserError(e.getMessage());
        } catch (java.net.BindException e) {
            throw new UserError("cannot listen on " + settings.bindHost() + " ports " + self.peerPort() + "/" + self.clientPort()
                    + " (" + e.getMessage() + "); stop what uses them or choose other ports in --peers");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down (signal)");
            node.close();
            log.info("stopped cleanly");
        }, "shutdown"));
        node.awaitLoop();
        // The loop ends on a storage failure (the node stays up to say why), at shutdown, or when a thread the
        // node depends on died: then FailStop ends the process with 255 after /health has said why.
        while (true) Thread.sleep(60_000);
    }

    NodeSettings settings() {
        if (id == null) throw new UserError("--id is missing; name this node, such as --id n1");
        if (peers.isEmpty()) throw new UserError("--peers is missing; list every node as id=host:peerPort:clientPort,...");
        List<PeerAddress> addresses = new ArrayList<>();
        for (String p : peers) {
            try {
                addresses.add(PeerAddress.parse(p));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage() + "; see 'raft-node run --help'");
            }
        }
        PeerAddress self = addresses.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new UserError("--peers has no entry for --id " + id + "; add " + id + "=host:peerPort:clientPort"));
        if (tickMillis < 1) throw new UserError("--tick must be at least 1ms");
        int electionTicks = (int) Math.max(2, electionMillis / tickMillis);
        int heartbeatTicks = (int) Math.max(1, heartbeatMillis / tickMillis);
        if (heartbeatTicks >= electionTicks) throw new UserError("--heartbeat must be shorter than --election-timeout");
        ReadMode mode = switch (readMode) {
            case "read-index" -> ReadMode.READ_INDEX;
            case "lease" -> ReadMode.LEASE;
            default -> throw new UserError("--read-mode must be read-index or lease, not '" + readMode + "'");
        };
        if (batchMaxEntries < 1) throw new UserError("--fsync-batch-max-entries must be at least 1");
        if (batchWaitMillis > 100) throw new UserError("--fsync-batch-wait above 100ms only adds latency; choose at most 100ms");
        List<NodeId> voters = join ? List.of() : addresses.stream().map(a -> NodeId.of(a.id())).toList();
        RaftConfig defaults = RaftConfig.defaults(voters);
        int requestTicks = (int) Math.max(1, requestTimeoutMillis / tickMillis);
        RaftConfig raft = new RaftConfig(voters, electionTicks, heartbeatTicks, mode, defaults.clockDriftBound(),
                defaults.maxEntriesPerAppend(), defaults.maxInflightAppends(), snapshotEvery, defaults.snapshotChunkBytes(),
                defaults.maxSessions(), requestTicks, explain);
        Bugs bugs = bugOptions.toBugs();
        if (clusterSecret != null) {
            throw new UserError("--cluster-secret puts the secret where ps shows it to every user; write it to a file only you can read (chmod 600) and pass --cluster-secret-file");
        }
        if (clusterSecretFile == null) {
            throw new UserError("--cluster-secret-file is missing; create a secret shared by every node with: " + SecretFiles.recipe("secret")
                    + " and pass --cluster-secret-file secret");
        }
        byte[] secret = SecretFiles.read(clusterSecretFile, "--cluster-secret-file").getBytes(StandardCharsets.UTF_8);
        String clientToken = clientTokenFile == null ? null : SecretFiles.read(clientTokenFile, "--client-token-file");
        if (adminTokenFile != null && adminToken != null) throw new UserError("give --admin-token-file or --admin-token, not both");
        String admin = adminTokenFile != null ? SecretFiles.read(adminTokenFile, "--admin-token-file") : adminToken;
        Path dir = dataDir != null ? dataDir : Path.of("data-" + id);
        if (segmentBytes < 4096) throw new UserError("--segment-size must be at least 4096 bytes");
        return new NodeSettings(id, addresses, dir, clusterId, secret, admin, bind != null ? bind : self.host(), tickMillis, raft, bugs,
                join, batchMaxEntries, batchWaitMillis * 1000, segmentBytes == 0 ? RaftStorage.DEFAULT_SEGMENT_BYTES : segmentBytes,
                maxClientConnections, requestTimeoutMillis + 1000, clientToken);
    }
}
