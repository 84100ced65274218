package raftlab.harness.lab.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Jepsen's SSH flags for {@code raftlab test --lab ssh} and {@code raftlab lab --lab ssh}, as a picocli mixin
 * ({@code @Mixin SshFlags ssh;}); {@link #toOptions} checks them and says in one sentence what is
 * wrong (IllegalArgumentException, for exit 254).
 */
public final class SshFlags {
    @Option(names = "--nodes", split = ",", paramLabel = "HOST",
            description = "The hosts, comma-separated (host or host:port); node i runs on the i-th.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--nodes-file", paramLabel = "FILE", description = "A file with one host per line (vagrant/nodes for the five VMs).")
    Path nodesFile;

    @Option(names = "--username", defaultValue = "root", description = "SSH login; not root means commands run through sudo -n (default: ${DEFAULT-VALUE}).")
    String username;

    @Option(names = "--password", description = "SSH password (default: key authentication).")
    String password;

    @Option(names = "--ssh-private-key", paramLabel = "FILE", description = "SSH private key (default: the keys in ~/.ssh).")
    Path privateKey;

    @Option(names = "--strict-host-key-checking", description = "Check host keys against ~/.ssh/known_hosts (off by default, as Jepsen's).")
    boolean strictHostKeyChecking;

    @Option(names = "--clock-mode", defaultValue = "system", paramLabel = "MODE",
            description = "How clock faults move a node's clock: system (date -s on real hosts) or faketime (libfaketime, for hosts sharing one clock) (default: ${DEFAULT-VALUE}).")
    String clockMode;

    /** True when hosts were given (--nodes or --nodes-file). */
    public boolean hostsGiven() { return !nodes.isEmpty() || nodesFile != null; }

    public SshOptions toOptions(boolean leaveDbRunning) { return toOptions(hosts(), leaveDbRunning); }

    /** The hosts given with --nodes or --nodes-file (empty when neither was). */
    public List<String> hosts() {
        List<String> hosts = new ArrayList<>(nodes);
        if (nodesFile != null) {
            if (!hosts.isEmpty()) throw new IllegalArgumentException("give either --nodes or --nodes-file, not both");
            hosts.addAll(NodesFile.read(nodesFile));
        }
        return hosts;
    }

    /** The ssh lab's options on {@code hosts} (such as a replayed run's) with the rest of these flags. */
    public SshOptions toOptions(List<String> hosts, boolean leaveDbRunning) {
        if (hosts.size() < 3) {
            throw new IllegalArgumentException("the ssh lab needs at least 3 hosts and got " + hosts.size()
                    + "; give --nodes a,b,c,d,e or --nodes-file vagrant/nodes");
        }
        return new SshOptions(List.copyOf(hosts), username == null ? "root" : username, Optional.ofNullable(password), Optional.ofNullable(privateKey),
                strictHostKeyChecking, ClockMode.parse(clockMode == null ? "system" : clockMode), SshOptions.DEFAULT_REMOTE_DIR,
                Duration.ofSeconds(10), leaveDbRunning);
    }
}
