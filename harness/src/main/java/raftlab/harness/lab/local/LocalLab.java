package raftlab.harness.lab.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;
import raftlab.node.cli.SecretFiles;

/**
 * Five (or N) network namespaces on this machine with one node process each. When
 * {@code ownsNetwork} is false the namespaces were built by the process that started this one
 * (the {@code raftlab test} supervisor, which then runs this JVM inside the control namespace and
 * removes the network afterwards); this lab then manages only the nodes, rules and clocks.
 */
public final class LocalLab implements Lab {
    private static final Logger LOG = Logger.getLogger(LocalLab.class.getName());

    private final LocalLayout layout;
    private final LocalNetwork network;
    private final NodeProcesses processes;
    private final boolean ownsNetwork;
    private List<String> bugs = List.of();
    private volatile boolean tornDown;

    public LocalLab(LocalLayout layout, NodeLauncher launcher, String fakeTimeLibrary, boolean ownsNetwork) {
        this.layout = layout;
        this.network = new LocalNetwork(layout);
        this.processes = new NodeProcesses(layout, launcher, fakeTimeLibrary);
        this.ownsNetwork = ownsNetwork;
    }

    public LocalLayout layout() { return layout; }

    @Override public String name() { return "local"; }

    /**
     * The layout's nodes, with the client token of the lab that is up (none before the first {@code up}). The lab's
     * own loops use the layout's nodes: they need only ids and addresses, and must work whatever the token file says.
     */
    @Override public List<LabNode> nodes() {
        String token = clientToken(layout);
        return token == null ? layout.nodes() : layout.nodes().stream().map(n -> n.withClientToken(token)).toList();
    }

    /** The client token of the lab of this layout that is up, or null when none was made yet. */
    public static String clientToken(LocalLayout layout) { return secret(layout.clientTokenFile(), "--client-token-file"); }

    @Override public String adminToken() {
        String token = secret(layout.adminTokenFile(), "--admin-token-file");
        if (token == null) throw new LabException("the lab has no admin token yet (" + layout.adminTokenFile() + "); bring it up first");
        return token;
    }

    /**
     * A token of the lab from its file, read on every call: {@code up}, here or in another process
     * ({@code raftlab lab up}), makes new ones, and a by-hand command must send the ones in force.
     */
    private static String secret(Path file, String option) {
        if (!Files.exists(file)) return null;
        try {
            return SecretFiles.read(file, option);
        } catch (RuntimeException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    @Override public void up(List<String> bugs) {
        this.bugs = List.copyOf(bugs);
        tornDown = false;
        if (ownsNetwork) network.up();
        else if (!network.exists()) throw new LabException("the lab network " + layout.controlNamespace() + " does not exist; run raftlab lab up first");
        for (LabNode node : layout.nodes()) {
            processes.kill(node.id());
            deleteRecursively(layout.nodeDir(node.id()));
            try {
                Files.deleteIfExists(layout.logFile(node.id()));
            } catch (IOException e) {
                throw new LabException("could not clear " + layout.logFile(node.id()) + ": " + e.getMessage(), e);
            }
            processes.setClock(node.id(), Duration.ZERO);
        }
        heal();
        processes.newSecrets();
        for (LabNode node : layout.nodes()) processes.start(node.id(), this.bugs);
    }

    /**
     * Takes over the bug switches of a lab that another process brought up ({@code raftlab lab up --bug ...}),
     * so that a node started again from here runs with the same switches as its peers.
     */
    public void adoptBugs(List<String> bugs) { this.bugs = List.copyOf(bugs); }

    @Override public void startNode(String id) {
        if (processes.pid(id).isPresent()) return;
        processes.start(id, bugs);
    }

    @Override public void stopNode(String id) { processes.stop(id, 5000); }

    @Override public void killNode(String id) { processes.kill(id); }

    @Override public void pauseNode(String id) { processes.signalNode(id, "STOP"); }

    @Override public void resumeNode(String id) { processes.signalNode(id, "CONT"); }

    @Override public boolean isRunning(String id) { return processes.pid(id).isPresent(); }

    @Override public OptionalLong pid(String id) { return processes.pid(id); }

    @Override public void partition(Grudge grudge) {
        for (LabNode node : layout.nodes()) {
            List<String> from = new ArrayList<>();
            for (String other : grudge.dropsFrom(node.id())) from.add(layout.address(layout.indexOf(other)));
            network.setPartition(layout.namespaceOf(node.id()), from);
        }
    }

    @Override public void dropPackets(double fraction) {
        if (fraction < 0 || fraction > 1) throw new LabException("a packet-loss fraction is between 0 and 1, not " + fraction);
        for (LabNode node : layout.nodes()) network.setLoss(layout.namespaceOf(node.id()), fraction);
    }

    @Override public void heal() {
        for (LabNode node : layout.nodes()) {
            network.setPartition(layout.namespaceOf(node.id()), List.of());
            network.setLoss(layout.namespaceOf(node.id()), 0);
        }
    }

    @Override public void setClockOffset(String id, Duration offset) {
        layout.indexOf(id);
        processes.setClock(id, offset);
    }

    @Override public void resetClocks() {
        for (LabNode node : layout.nodes()) processes.setClock(node.id(), Duration.ZERO);
    }

    @Override public void fetchLogs(Path dir) {
        for (LabNode node : layout.nodes()) {
            Path log = layout.logFile(node.id());
            if (!Files.exists(log)) continue;
            try {
                Files.createDirectories(dir);
                Files.copy(log, dir.resolve(node.id() + ".log"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                LOG.warning("could not copy " + log + ": " + e.getMessage());
            }
        }
    }

    @Override public synchronized void teardown() {
        if (tornDown) return;
        tornDown = true;
        for (LabNode node : layout.nodes()) {
            try {
                processes.kill(node.id());
            } catch (RuntimeException e) {
                LOG.warning("could not kill " + node.id() + ": " + e.getMessage());
            }
        }
        if (ownsNetwork) {
            network.down();
            deleteRecursively(layout.dir());
        } else if (network.exists()) {
            try {
                heal();
            } catch (RuntimeException e) {
                LOG.warning("could not remove the lab's iptables rules: " + e.getMessage());
            }
        }
    }

    /** Removes everything a lab of this layout may have left, from any earlier process: {@code lab down}. */
    public static List<String> down(LocalLayout layout) {
        List<String> done = new ArrayList<>();
        NodeProcesses processes = new NodeProcesses(layout, NodeLauncher.standIn(), "");
        for (LabNode node : layout.nodes()) {
            OptionalLong pid = processes.pid(node.id());
            if (pid.isPresent() && processes.kill(node.id())) done.add("killed " + node.id() + " (pid " + pid.getAsLong() + ")");
        }
        for (String ns : new LocalNetwork(layout).down()) done.add("deleted namespace " + ns);
        if (Files.exists(layout.dir())) {
            deleteRecursively(layout.dir());
            done.add("removed " + layout.dir());
        }
        return done;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new LabException("could not remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
