package raftlab.harness.lab.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import raftlab.harness.lab.LabException;
import raftlab.node.cli.SecretFiles;

/**
 * The node processes of a local lab: started inside their namespace under libfaketime, pids
 * written to files (so another process, {@code lab down}, can find them after a crash), signalled
 * only by that pid, and only after checking that the pid still belongs to this lab's node.
 */
public final class NodeProcesses {
    private static final Logger LOG = Logger.getLogger(NodeProcesses.class.getName());

    private final LocalLayout layout;
    private final NodeLauncher launcher;
    private final String fakeTimeLibrary;

    public NodeProcesses(LocalLayout layout, NodeLauncher launcher, String fakeTimeLibrary) {
        this.layout = layout;
        this.launcher = launcher;
        this.fakeTimeLibrary = fakeTimeLibrary;
    }

    /**
     * A fresh random cluster secret, client token and admin token for the lab's nodes, each in a file only its owner
     * can read: the nodes get the files' names, so no secret is on a command line, where ps shows it to every user.
     */
    public void newSecrets() {
        for (Path file : List.of(layout.secretFile(), layout.clientTokenFile(), layout.adminTokenFile())) writeSecret(file);
    }

    private void writeSecret(Path file) {
        try {
            Files.createDirectories(layout.dir());
            SecretFiles.write(file, SecretFiles.random());
        } catch (IOException e) {
            throw new LabException("could not write the lab's secret " + file + ": " + e.getMessage(), e);
        }
    }

    public long start(String id, List<String> bugs) {
        if (pid(id).isPresent()) throw new LabException(id + " is already running (pid " + pid(id).getAsLong() + ")");
        // A node started by hand in a lab that another process brought up finds the secrets already there.
        for (Path file : List.of(layout.secretFile(), layout.clientTokenFile(), layout.adminTokenFile())) {
            if (!Files.exists(file)) writeSecret(file);
        }
        try {
            Files.createDirectories(layout.dataDir(id));
            if (!Files.exists(layout.clockFile(id))) Files.writeString(layout.clockFile(id), "+0\n");
        } catch (IOException e) {
            throw new LabException("could not prepare " + layout.nodeDir(id) + ": " + e.getMessage(), e);
        }
        List<String> peers = new ArrayList<>();
        layout.nodes().forEach(n -> peers.add(n.peerSpec()));
        List<String> arguments = new ArrayList<>(List.of("run", "--id", id, "--peers", String.join(",", peers),
                "--data-dir", layout.dataDir(id).toString(), "--cluster-secret-file", layout.secretFile().toString(),
                "--client-token-file", layout.clientTokenFile().toString(), "--admin-token-file", layout.adminTokenFile().toString()));
        for (String bug : bugs) arguments.add(raftlab.raft.Bug.parse(bug).flag());
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", layout.namespaceOf(id), "env",
                "LD_PRELOAD=" + fakeTimeLibrary,
                "FAKETIME_TIMESTAMP_FILE=" + layout.clockFile(id),
                // The node's monotonic clock (elections, leases) stays true; only its wall clock moves.
                "FAKETIME_DONT_FAKE_MONOTONIC=1",
                "FAKETIME_CACHE_DURATION=1",
                // Without this, libfaketime rewrites every timed wait on the monotonic clock, which the
                // JVM does constantly: measured here, a node served 50 writes in 33 s instead of 0.6 s.
                "FAKETIME_FORCE_MONOTONIC_FIX=0"));
        command.addAll(launcher.command(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(id).toFile()));
        builder.redirectErrorStream(true);
        try {
            // ip netns exec and env both exec, so this pid is the node's JVM itself.
            Process process = builder.start();
            long pid = process.pid();
            Files.writeString(layout.pidFile(id), pid + "\n");
            LOG.info(() -> "started " + id + " pid " + pid + ": " + String.join(" ", command));
            return pid;
        } catch (IOException e) {
            throw new LabException("could not start " + id + ": " + e.getMessage() + "; see " + layout.logFile(id), e);
        }
    }

    /** The pid of the node when its recorded process is alive and still this lab's node. */
    public OptionalLong pid(String id) {
        Path file = layout.pidFile(id);
        if (!Files.exists(file)) return OptionalLong.empty();
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return belongsToLab(pid, id) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Pids get reused: only a live process whose command line names this node's data directory is ours. */
    private boolean belongsToLab(long pid, String id) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) return false;
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            if (!cmdline.contains(layout.dataDir(id).toString())) return false;
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // A zombie (state Z) has exited and only waits for its parent to reap it.
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    public boolean kill(String id) {
        OptionalLong pid = pid(id);
        if (pid.isEmpty()) return false;
        signal(pid.getAsLong(), "KILL");
        waitForExit(pid.getAsLong(), 5000);
        return true;
    }

    public void signalNode(String id, String signal) {
        OptionalLong pid = pid(id);
        if (pid.isEmpty()) throw new LabException("cannot send SIG" + signal + " to " + id + ": it is not running");
        signal(pid.getAsLong(), signal);
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. A paused node is resumed first so it can exit. */
    public void stop(String id, long graceMillis) {
        OptionalLong pid = pid(id);
        if (pid.isEmpty()) return;
        signal(pid.getAsLong(), "CONT");
        signal(pid.getAsLong(), "TERM");
        if (!waitForExit(pid.getAsLong(), graceMillis)) kill(id);
    }

    private static void signal(long pid, String signal) {
        Shell.must(List.of("kill", "-" + signal, Long.toString(pid)), "send SIG" + signal + " to pid " + pid);
    }

    private static boolean waitForExit(long pid, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) return true;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close >= 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    public void setClock(String id, java.time.Duration offset) {
        // libfaketime's relative format: "+12.345" or "-12.345" seconds from real time.
        double seconds = offset.toNanos() / 1e9;
        String text = (seconds >= 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.3f", seconds) + "\n";
        try {
            Path tmp = layout.clockFile(id).resolveSibling(id + ".faketime.tmp");
            Files.writeString(tmp, text);
            // Renamed into place so libfaketime never reads a half-written offset.
            Files.move(tmp, layout.clockFile(id), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LabException("could not set the clock of " + id + ": " + e.getMessage(), e);
        }
    }
}
