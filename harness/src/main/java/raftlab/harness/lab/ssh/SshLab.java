package raftlab.harness.lab.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import raftlab.harness.lab.Grudge;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;
import raftlab.node.cli.SecretFiles;

/**
 * The ssh lab: one raft-node on each of any five (or more) Linux hosts, driven over SSH as
 * Jepsen drives its nodes. Host {@code i} of the nodes list runs node {@code n(i+1)}; each node
 * keeps its jar, data, log, pid file and libfaketime file in {@code <remoteDir>/<id>}.
 *
 * <p>Faults: iptables rules in two chains of the lab's own (partitions; random packet loss with
 * {@code -m statistic}), signals to the recorded pid (kill -9, SIGSTOP/SIGCONT), and wall-clock
 * offsets, set with {@code date} on real hosts or through libfaketime where hosts share a clock.
 * A system clock is set only by a clock fault, never by {@code up()}, and never on a host that is
 * this machine (the same kernel boot id; see {@link ClockSafety}): there only faketime is allowed.
 * {@link #teardown()} resumes paused nodes, removes the chains and resets the clocks it moved,
 * and unless {@code leaveDbRunning} also kills the nodes and removes their files.
 */
public final class SshLab implements Lab {
    private static final Logger LOG = Logger.getLogger(SshLab.class.getName());
    public static final int PEER_PORT = 7001;
    public static final int CLIENT_PORT = 8001;
    /** The names of the secret files on each host ({@code <dir>/secrets/NAME}) and in a lab's state directory. */
    private static final String CLUSTER_SECRET = "cluster-secret";
    private static final String CLIENT_TOKEN = "client-token";
    private static final String ADMIN_TOKEN = "admin-token";
    /** How long one command may take on a host; emulated VMs on a busy machine need more (RAFTLAB_SSH_COMMAND_TIMEOUT). */
    private final Duration commandTimeout;

    private final SshOptions options;
    private final NodeBinary binary;
    private final List<String> javaOptions;
    private final List<String> extraNodeArgs;
    private final List<LabNode> nodes;
    private final List<SshHost> hosts;
    private final Parallel parallel;
    private final TreeMap<String, String> faketimeLibs = new TreeMap<>();
    private final TreeMap<String, Long> pids = new TreeMap<>();
    private List<String> bugs = List.of();
    /** Set by the first system clock a fault sets: only then do heals and teardown set the clocks back. */
    private volatile boolean systemClockMoved;
    /** Set once every host has been found to have a kernel, and so a clock, of its own. */
    private volatile boolean ownClocksChecked;
    private NodeTiming nodeTiming = NodeTiming.AUTO;
    private NodeTiming resolvedTiming;
    private List<String> timingArgs = List.of();
    /** The lab's client and admin tokens: made by {@link #up}, or adopted from the process that brought it up; null before. */
    private volatile Tokens tokens;

    /** The two tokens a lab's nodes and the harness share; never logged, never part of a run's store. */
    private record Tokens(String client, String admin) {
        @Override public String toString() { return "Tokens[(hidden)]"; }
    }

    /**
     * @param binary        the jar to upload and the main class to run (raft-node, or the stand-in)
     * @param javaOptions   JVM options for the node, such as {@code -Xmx256m}
     * @param extraNodeArgs appended to {@code raft-node run ...}, such as stretched timeouts for slow hosts
     */
    public SshLab(SshOptions options, NodeBinary binary, List<String> javaOptions, List<String> extraNodeArgs) {
        this.options = options;
        this.binary = binary;
        this.javaOptions = List.copyOf(javaOptions);
        this.extraNodeArgs = List.copyOf(extraNodeArgs);
        List<LabNode> labNodes = new ArrayList<>();
        List<SshHost> sshHosts = new ArrayList<>();
        for (int i = 0; i < options.hosts().size(); i++) {
            String id = "n" + (i + 1);
            SshHost host = new SshHost(id, options.hosts().get(i), options);
            sshHosts.add(host);
            labNodes.add(new LabNode(id, host.address(), PEER_PORT, CLIENT_PORT));
        }
        this.nodes = List.copyOf(labNodes);
        this.hosts = List.copyOf(sshHosts);
        this.parallel = new Parallel(hosts.size());
        this.commandTimeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("RAFTLAB_SSH_COMMAND_TIMEOUT", "30")));
    }

    /**
     * The lab as {@code raftlab test --lab ssh} makes it: raft-node from this raftlab's build
     * ({@code $RAFTLAB_HOME}), or the harness's stand-in node when RAFTLAB_NODE=standin; JVM
     * options from RAFTLAB_NODE_JAVA_OPTS (default {@code -Xmx256m -XX:+UseSerialGC}, which suits
     * 768 MiB VMs with one vCPU); extra node arguments from RAFTLAB_NODE_ARGS (stretched timeouts
     * for emulated VMs); the remote directory from RAFTLAB_REMOTE_DIR when set.
     */
    public static SshLab fromEnvironment(SshOptions options) {
        return fromEnvironment(options, false);
    }

    /** The same, with the stand-in node when {@code standIn} (raftlab test's hidden --stand-in). */
    public static SshLab fromEnvironment(SshOptions options, boolean standIn) {
        var env = System.getenv();
        NodeBinary binary = standIn || "standin".equals(env.get("RAFTLAB_NODE"))
                ? NodeBinary.standIn()
                : NodeBinary.raftNode(Path.of(env.getOrDefault("RAFTLAB_HOME", ".")));
        String java = env.getOrDefault("RAFTLAB_NODE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC");
        String extra = env.getOrDefault("RAFTLAB_NODE_ARGS", "");
        SshOptions opts = env.containsKey("RAFTLAB_REMOTE_DIR") ? options.withRemoteDir(env.get("RAFTLAB_REMOTE_DIR")) : options;
        return new SshLab(opts, binary, words(java), words(extra));
    }

    /** How long the node's timers are; AUTO (the default) is resolved against the hosts in {@link #up}. */
    public SshLab nodeTiming(NodeTiming timing) {
        this.nodeTiming = timing;
        this.resolvedTiming = null;
        return this;
    }

    /**
     * Asks every host whether it is emulated when the timing is AUTO (connecting first), logs what
     * was chosen and why, and returns it (NORMAL or SLOW). Asks once; {@link #up} calls it too.
     */
    public NodeTiming resolveNodeTiming() {
        if (resolvedTiming != null) return resolvedTiming;
        connectAll();
        List<String> answers = nodeTiming == NodeTiming.AUTO
                ? parallel.map(hosts, h -> h.run(NodeTiming.DETECT_SCRIPT, commandTimeout).stdout().strip())
                : List.of();
        NodeTiming resolved = nodeTiming.resolve(answers);
        timingArgs = resolved.nodeArgs();
        resolvedTiming = resolved;
        LOG.info(() -> "node timing " + resolved.name().toLowerCase(java.util.Locale.ROOT) + " (asked for "
                + nodeTiming.name().toLowerCase(java.util.Locale.ROOT) + "; hosts run on " + answers + "): " + timingArgs);
        return resolved;
    }

    /** Closes every host's SSH connection (a lab that will not come up after all). */
    public void closeConnections() {
        hosts.forEach(SshHost::close);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    @Override public String name() { return "ssh"; }

    /** The nodes, with the lab's client token once it has one ({@link #up}, {@link #adoptTokens}). */
    @Override public List<LabNode> nodes() {
        Tokens t = tokens;
        return t == null ? nodes : nodes.stream().map(n -> n.withClientToken(t.client())).toList();
    }

    @Override public String adminToken() {
        Tokens t = tokens;
        if (t == null) throw new LabException("this ssh lab has no admin token: it is not up, or was brought up by a raftlab that kept none");
        return t.admin();
    }

    /**
     * Writes the lab's tokens into {@code stateDir}, each in a file only its owner can read, so that later commands
     * ({@code raftlab lab ... --lab ssh}) can reach the nodes this process started.
     */
    public void saveTokens(Path stateDir) {
        Tokens t = tokens;
        if (t == null) throw new LabException("this ssh lab has no tokens to save; bring it up first");
        try {
            Files.createDirectories(stateDir);
            SecretFiles.write(stateDir.resolve(CLIENT_TOKEN), t.client());
            SecretFiles.write(stateDir.resolve(ADMIN_TOKEN), t.admin());
        } catch (IOException e) {
            throw new LabException("could not keep the lab's tokens in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /** Takes the tokens {@link #saveTokens} kept in {@code stateDir}; with none there, the lab's nodes are asked without one. */
    public void adoptTokens(Path stateDir) {
        Path client = stateDir.resolve(CLIENT_TOKEN);
        Path admin = stateDir.resolve(ADMIN_TOKEN);
        if (!Files.exists(client) || !Files.exists(admin)) return;
        try {
            tokens = new Tokens(SecretFiles.read(client, "the lab's client token"), SecretFiles.read(admin, "the lab's admin token"));
        } catch (RuntimeException e) {
            throw new LabException(e.getMessage(), e);
        }
    }

    /** Where {@link #saveTokens} keeps the client token, for a person who wants to ask the nodes by hand. */
    public static Path clientTokenFile(Path stateDir) { return stateDir.resolve(CLIENT_TOKEN); }

    /** The files {@link #saveTokens} writes, for {@code lab down} to remove. */
    public static List<String> tokenFileNames() { return List.of(CLIENT_TOKEN, ADMIN_TOKEN); }

    public SshOptions options() { return options; }

    private String dir(String id) { return options.remoteDir() + "/" + id; }

    private SshHost host(String id) {
        for (SshHost h : hosts) if (h.name().equals(id)) return h;
        throw new LabException("there is no node " + id + " in this lab; its nodes are n1..n" + hosts.size());
    }

    /** Connects to every host at once; when some cannot be reached, names them all in one sentence. */
    public void connectAll() {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<SshHost> unreachable = Collections.synchronizedList(new ArrayList<>());
        parallel.forEachQuietly(hosts, SshHost::connect, (h, e) -> { failures.add(e.getMessage()); unreachable.add(h); });
        if (unreachable.size() == 1) throw new LabException(failures.get(0));
        if (!unreachable.isEmpty()) {
            String names = unreachable.stream().sorted((a, b) -> a.name().compareTo(b.name()))
                    .map(SshHost::describe).collect(Collectors.joining(", "));
            throw new LabException("cannot reach " + names + " over SSH (" + failures.get(0)
                    + "); check that the hosts are up, run sshd and are listed right in the nodes file");
        }
    }

    @Override public void up(List<String> bugSwitches) {
        this.bugs = List.copyOf(bugSwitches);
        if (!Files.isReadable(binary.jar())) {
            throw new LabException("the node jar " + binary.jar() + " is missing; build it with `mvn -B -ntp -DskipTests package`");
        }
        String digest = sha256(binary.jar());
        boolean faketime = options.clockMode() == ClockMode.FAKETIME;
        connectAll();
        refuseSystemClockOnThisMachine();
        resolveNodeTiming();
        List<String> libs = parallel.map(hosts, h -> h.runChecked("find java, iptables and libfaketime",
                RemoteScripts.checkPrerequisites(faketime), commandTimeout).stdout().strip());
        synchronized (faketimeLibs) {
            for (int i = 0; i < hosts.size(); i++) if (faketime) faketimeLibs.put(hosts.get(i).name(), libs.get(i));
        }
        Tokens made = new Tokens(SecretFiles.random(), SecretFiles.random());
        List<Path> secrets = newSecretFiles(made);
        try {
            prepareHosts(digest, faketime, secrets);
        } finally {
            deleteLocalCopies(secrets);
        }
        tokens = made;
        parallel.map(hosts, h -> { startNode(h.name()); return null; });
        LOG.info(() -> "ssh lab up: " + nodes.stream().map(n -> n.id() + "=" + n.host()).collect(Collectors.joining(", ")));
    }

    /** Every host at once: an earlier run's node stopped and its data wiped, the chains in place, the jar and the secrets there. */
    private void prepareHosts(String digest, boolean faketime, List<Path> secrets) {
        parallel.map(hosts, h -> {
            String d = dir(h.name());
            // One round trip: stop a node an earlier run left, wipe its data, install the chains, print the jar's digest.
            String prepare = "set -e\n" + RemoteScripts.makeDir(d) + "\n" + RemoteScripts.signal(d, "KILL", Duration.ofSeconds(5))
                    + RemoteScripts.wipe(d) + "\n" + RemoteScripts.installChains() + RemoteScripts.heal() + "\n" + RemoteScripts.jarDigest(d);
            String remoteDigest = h.runChecked("prepare the host", prepare, commandTimeout).stdout().strip();
            if (!remoteDigest.endsWith(digest)) uploadVerified(h, d + "/raft-node.jar", digest);
            uploadSecrets(h, secrets);
            // The faketime offset is a file of the node's; a system clock is left alone until a clock fault asks.
            if (faketime) setClockOffset(h.name(), Duration.ZERO);
            return null;
        });
    }

    /**
     * Takes over a lab that another process brought up and left running ({@code raftlab lab up --lab ssh}):
     * its bug switches, and, for libfaketime clocks, where each host keeps the library, so that a node
     * started again from here runs as its peers do.
     */
    public void adoptRunning(List<String> bugSwitches) {
        this.bugs = List.copyOf(bugSwitches);
        if (options.clockMode() != ClockMode.FAKETIME) return;
        connectAll();
        List<String> libs = parallel.map(hosts, h -> h.runChecked("find libfaketime", RemoteScripts.checkPrerequisites(true), commandTimeout)
                .stdout().strip());
        synchronized (faketimeLibs) {
            for (int i = 0; i < hosts.size(); i++) faketimeLibs.put(hosts.get(i).name(), libs.get(i));
        }
    }

    /**
     * Copies the node's jar and checks its SHA-256 on the host, trying three times: a jar cut
     * short still opens as a zip and fails only later with a missing class (seen once on a
     * machine under heavy load), which is much harder to understand than this check's sentence.
     */
    private void uploadVerified(SshHost h, String remotePath, String digest) {
        String seen = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            h.upload(binary.jar(), remotePath);
            seen = h.runChecked("read the node jar's digest", "sha256sum " + Shell.quote(remotePath) + " | cut -d' ' -f1", commandTimeout)
                    .stdout().strip();
            if (seen.equals(digest)) return;
            String got = seen;
            int tries = attempt;
            LOG.warning(() -> "the node jar on " + h.describe() + " has digest " + got + ", not " + digest + " (attempt " + tries + ")");
        }
        throw new LabException("the node jar arrived damaged on " + h.describe() + " three times (SHA-256 " + seen
                + "); check the host's disk space and the connection");
    }

    /**
     * A fresh random cluster secret and the lab's two tokens, in local files only their owner can read (in a directory
     * only the owner can enter), to be uploaded and then deleted.
     */
    private static List<Path> newSecretFiles(Tokens tokens) {
        try {
            Path dir = Files.createTempDirectory("raftlab-secret-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            dir.toFile().deleteOnExit();
            Map<String, String> secrets = new TreeMap<>(Map.of(CLUSTER_SECRET, SecretFiles.random(), CLIENT_TOKEN, tokens.client(),
                    ADMIN_TOKEN, tokens.admin()));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> secret : secrets.entrySet()) {
                Path file = SecretFiles.write(dir.resolve(secret.getKey()), secret.getValue());
                file.toFile().deleteOnExit();
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new LabException("could not make the lab's cluster secret and tokens: " + e.getMessage(), e);
        }
    }

    private static void deleteLocalCopies(List<Path> secrets) {
        try {
            for (Path file : secrets) Files.deleteIfExists(file);
            if (!secrets.isEmpty()) Files.deleteIfExists(secrets.get(0).getParent());
        } catch (IOException e) {
            LOG.warning("could not delete the local copies of the lab's secrets (they go at exit): " + e.getMessage());
        }
    }

    private String secretDir(String id) { return dir(id) + "/secrets"; }

    private String secretFile(String id, String name) { return secretDir(id) + "/" + name; }

    /** Into a directory only root can enter, so that no secret is ever readable by others, not even while it arrives. */
    private void uploadSecrets(SshHost h, List<Path> secrets) {
        String dir = Shell.quote(secretDir(h.name()));
        h.runChecked("make the secrets directory", "mkdir -p -m 700 " + dir + " && chmod 700 " + dir, commandTimeout);
        for (Path secret : secrets) h.upload(secret, secretFile(h.name(), secret.getFileName().toString()));
        h.runChecked("make the secrets private", "chmod 600 " + dir + "/*", commandTimeout);
    }

    /** {@code raft-node run} with the cluster's peers, this node's data directory and the bug switches. */
    List<String> nodeArgs(String id) {
        List<String> args = new ArrayList<>(List.of("run", "--id", id,
                "--peers", nodes.stream().map(LabNode::peerSpec).collect(Collectors.joining(",")),
                "--data-dir", dir(id) + "/data", "--cluster-secret-file", secretFile(id, CLUSTER_SECRET),
                "--client-token-file", secretFile(id, CLIENT_TOKEN), "--admin-token-file", secretFile(id, ADMIN_TOKEN)));
        for (String bug : bugs) args.add(raftlab.raft.Bug.parse(bug).flag());
        args.addAll(timingArgs);
        args.addAll(extraNodeArgs);
        return args;
    }

    @Override public void startNode(String id) {
        String lib;
        synchronized (faketimeLibs) { lib = options.clockMode() == ClockMode.FAKETIME ? faketimeLibs.get(id) : null; }
        if (options.clockMode() == ClockMode.FAKETIME && lib == null) {
            throw new LabException("cannot start " + id + " before the lab is up; call up() first");
        }
        CommandResult result = host(id).run(RemoteScripts.start(dir(id), javaOptions, binary.mainClass(), nodeArgs(id), lib), commandTimeout);
        if (!result.ok()) {
            throw new LabException("could not start " + id + " on " + host(id).describe() + ": " + result.firstErrorLine()
                    + "; see its log (" + dir(id) + "/node.log)");
        }
        long pid = Long.parseLong(result.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
        synchronized (pids) { pids.put(id, pid); }
    }

    @Override public void stopNode(String id) {
        host(id).runChecked("stop " + id, RemoteScripts.stop(dir(id), Duration.ofSeconds(5)), commandTimeout);
        synchronized (pids) { pids.remove(id); }
    }

    @Override public void killNode(String id) {
        CommandResult r = host(id).runChecked("kill -9 " + id, RemoteScripts.signal(dir(id), "KILL", Duration.ofSeconds(5)), commandTimeout);
        if (r.stdout().contains("still-running")) throw new LabException(id + " survived kill -9 for 5 s on " + host(id).describe() + "; look at the host");
        synchronized (pids) { pids.remove(id); }
    }

    @Override public void pauseNode(String id) {
        host(id).runChecked("pause " + id, RemoteScripts.signal(dir(id), "STOP", Duration.ZERO), commandTimeout);
    }

    @Override public void resumeNode(String id) {
        host(id).runChecked("resume " + id, RemoteScripts.signal(dir(id), "CONT", Duration.ZERO), commandTimeout);
    }

    @Override public boolean isRunning(String id) {
        return host(id).run(RemoteScripts.status(dir(id)), commandTimeout).ok();
    }

    @Override public OptionalLong pid(String id) {
        CommandResult r = host(id).run(RemoteScripts.status(dir(id)), commandTimeout);
        return r.ok() ? OptionalLong.of(Long.parseLong(r.stdout().strip())) : OptionalLong.empty();
    }

    @Override public void partition(Grudge grudge) {
        parallel.map(hosts, h -> {
            List<String> sources = grudge.dropsFrom(h.name()).stream().map(id -> host(id).address()).toList();
            h.runChecked("set the partition", RemoteScripts.partition(sources), commandTimeout);
            return null;
        });
    }

    @Override public void dropPackets(double fraction) {
        parallel.map(hosts, h -> {
            List<String> peers = hosts.stream().filter(o -> o != h).map(SshHost::address).toList();
            h.runChecked("set packet loss", RemoteScripts.packetLoss(peers, fraction), commandTimeout);
            return null;
        });
    }

    @Override public void heal() {
        parallel.map(hosts, h -> h.runChecked("remove the partition", RemoteScripts.heal(), commandTimeout));
    }

    @Override public void setClockOffset(String id, Duration offset) {
        SshHost h = host(id);
        switch (options.clockMode()) {
            case FAKETIME -> h.runChecked("move " + id + "'s clock", RemoteScripts.faketimeOffset(dir(id), offset), commandTimeout);
            // Real time is the harness's clock: the harness's machine is never changed, so it is the reference.
            case SYSTEM -> {
                refuseSystemClockOnThisMachine();
                systemClockMoved = true;
                h.runChecked("set " + id + "'s clock", RemoteScripts.setSystemClock(System.currentTimeMillis() + offset.toMillis()), commandTimeout);
            }
        }
    }

    @Override public void resetClocks() {
        if (options.clockMode() == ClockMode.SYSTEM && !systemClockMoved) return;
        parallel.map(hosts, h -> { setClockOffset(h.name(), Duration.ZERO); return null; });
    }

    /**
     * Refuses {@code --clock-mode system} when a host runs on this machine's kernel: setting its clock would set this
     * machine's. Asked once per lab, before the first clock is set.
     */
    private void refuseSystemClockOnThisMachine() {
        if (options.clockMode() != ClockMode.SYSTEM || ownClocksChecked) return;
        List<String> ids = parallel.map(hosts, h -> {
            CommandResult r = h.run("cat " + ClockSafety.BOOT_ID_FILE, commandTimeout);
            return r.ok() ? r.stdout().strip() : "";
        });
        TreeMap<String, java.util.Optional<String>> byHost = new TreeMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            byHost.put(hosts.get(i).describe(), java.util.Optional.of(ids.get(i)).filter(s -> !s.isEmpty()));
        }
        ClockSafety.refusal(options.clockMode(), ClockSafety.ownBootId(), byHost).ifPresent(why -> { throw new LabException(why); });
        ownClocksChecked = true;
    }

    @Override public void fetchLogs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LabException("cannot create " + dir + " for the node logs: " + e.getMessage(), e);
        }
        parallel.forEachQuietly(hosts, h -> h.download(dir(h.name()) + "/node.log", dir.resolve(h.name() + ".log")),
                (h, e) -> LOG.log(Level.WARNING, "could not fetch " + h.name() + "'s log", e));
    }

    /**
     * Undoes the faults on every reachable host (resume, remove rules, reset clocks) and, unless
     * leaveDbRunning, kills the nodes and removes their files. Tries everything on every host, then
     * throws the first failure, so that a host left dirty is never silent.
     */
    @Override public void teardown() {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        parallel.forEachQuietly(hosts, h -> {
            String d = dir(h.name());
            List<String> hostFailures = new ArrayList<>();
            runQuietly(h, "resume", RemoteScripts.signal(d, "CONT", Duration.ZERO), hostFailures);
            runQuietly(h, "remove the iptables chains", RemoteScripts.removeChains(), hostFailures);
            switch (options.clockMode()) {
                // No directory, no node reading its offset: nothing to reset (a second teardown).
                case FAKETIME -> runQuietly(h, "reset " + h.name() + "'s clock", "[ ! -d " + Shell.quote(d) + " ] || { "
                        + RemoteScripts.faketimeOffset(d, Duration.ZERO) + "; }", hostFailures);
                case SYSTEM -> {
                    if (systemClockMoved) runQuietly(h, "reset " + h.name() + "'s clock", RemoteScripts.setSystemClock(System.currentTimeMillis()), hostFailures);
                }
            }
            if (!options.leaveDbRunning()) {
                runQuietly(h, "kill the node", RemoteScripts.signal(d, "KILL", Duration.ofSeconds(5)), hostFailures);
                runQuietly(h, "remove the node's files", RemoteScripts.removeAll(d), hostFailures);
                h.close();
            }
            failures.addAll(hostFailures);
        }, (h, e) -> failures.add(e.getMessage()));
        synchronized (pids) { if (!options.leaveDbRunning()) pids.clear(); }
        if (!failures.isEmpty()) {
            throw new LabException("the ssh lab could not clean up everything: " + failures.get(0)
                    + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more, see raftlab.log)" : ""));
        }
    }

    private void runQuietly(SshHost h, String what, String script, List<String> failures) {
        try {
            CommandResult r = h.run(script, commandTimeout);
            if (!r.ok()) failures.add("could not " + what + " on " + h.describe() + ": " + r.firstErrorLine());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "teardown of " + h.describe() + ": " + what, e);
            failures.add(e.getMessage());
        }
    }

    private static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LabException("cannot read the node jar " + file + ": " + e.getMessage(), e);
        }
    }
}
