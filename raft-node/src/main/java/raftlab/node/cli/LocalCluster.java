package raftlab.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import raftlab.node.client.KvClient;
import raftlab.node.transport.PeerAddress;

/**
 * A cluster of {@code raft-node run} child processes on loopback, each with its own data directory
 * and log file under one base directory. Used by {@code cluster}, {@code bench} and the integration tests.
 * Children are stopped by their own Process handles (SIGTERM, or SIGKILL for a crash), never by name.
 * Each cluster gets its own random cluster secret and admin token, handed to the nodes in files
 * readable by their owner only (a command line is visible to every user in ps).
 */
public final class LocalCluster implements AutoCloseable {
    private final Path baseDir;
    private final List<PeerAddress> addresses = new ArrayList<>();
    private final List<String> nodeArgs;
    private final List<String> jvmArgs;
    private final Process[] processes;
    public final String adminToken;
    private final Path secretFile;
    private final Path adminTokenFile;

    public LocalCluster(int nodeCount, Path baseDir, List<String> nodeArgs, List<String> jvmArgs) throws IOException {
        this.baseDir = baseDir;
        this.nodeArgs = List.copyOf(nodeArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.processes = new Process[nodeCount + 8];
        this.adminToken = SecretFiles.random();
        Files.createDirectories(baseDir);
        this.secretFile = SecretFiles.write(baseDir.resolve("cluster-secret"), SecretFiles.random());
        this.adminTokenFile = SecretFiles.write(baseDir.resolve("admin-token"), adminToken);
        for (int i = 1; i <= nodeCount; i++) addresses.add(newAddress("n" + i));
    }

    /** A fresh address (two free loopback ports, see {@link ListeningPorts}) for node {@code id}, not yet part of {@link #addresses()}. */
    public static PeerAddress newAddress(String id) throws IOException {
        int peerPort = ListeningPorts.free();
        int clientPort = ListeningPorts.free();
        return new PeerAddress(id, "127.0.0.1", peerPort, clientPort);
    }

    public List<PeerAddress> addresses() { return List.copyOf(addresses); }

    public String peersArgument() {
        return String.join(",", addresses.stream().map(PeerAddress::format).toList());
    }

    public List<KvClient.Endpoint> endpoints() {
        return addresses.stream().map(a -> new KvClient.Endpoint(a.host(), a.clientPort())).toList();
    }

    public Path dataDir(int node) { return baseDir.resolve("n" + node); }

    /** The file with the admin token, for {@code raft-node admin --admin-token-file}. */
    public Path adminTokenFile() { return adminTokenFile; }

    public Path logFile(int node) { return baseDir.resolve("n" + node + ".log"); }

    /** What the node's JVM printed on standard output and error (start-up line, fatal errors). */
    public Path outputFile(int node) { return baseDir.resolve("n" + node + ".out"); }

    public void startAll() throws IOException {
        for (int i = 1; i <= addresses.size(); i++) start(i);
    }

    /** Starts node {@code n} (1-based) with the cluster's peers. */
    public Process start(int n, String... extra) throws IOException {
        return launch(n, peersArgument(), extra);
    }

    /** Adds a node that starts outside the cluster ({@code --join}); returns its number. */
    public int addJoiner() throws IOException {
        addresses.add(newAddress("n" + (addresses.size() + 1)));
        int n = addresses.size();
        launch(n, peersArgument(), "--join");
        return n;
    }

    private Process launch(int n, String peers, String... extra) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RaftNodeMain.class.getName());
        command.addAll(List.of("run", "--id", "n" + n, "--peers", peers, "--data-dir", dataDir(n).toString(),
                "--cluster-secret-file", secretFile.toString(), "--admin-token-file", adminTokenFile.toString(),
                "--log-file", logFile(n).toString()));
        command.addAll(nodeArgs);
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile(n).toFile()));
        Process process = builder.start();
        processes[n] = process;
        return process;
    }

    public Process process(int n) { return processes[n]; }

    /** SIGKILL: the process gets no chance to flush anything. */
    public void kill(int n) throws InterruptedException {
        Process p = processes[n];
        if (p == null) return;
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        processes[n] = null;
    }

    /** SIGTERM: a clean shutdown. */
    public void stop(int n) throws InterruptedException {
        Process p = processes[n];
        if (p == null) return;
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        processes[n] = null;
    }

    public int size() { return addresses.size(); }

    @Override public void close() throws InterruptedException {
        for (int n = 1; n < processes.length; n++) if (processes[n] != null) processes[n].destroy();
        for (int n = 1; n < processes.length; n++) stop(n);
    }
}
