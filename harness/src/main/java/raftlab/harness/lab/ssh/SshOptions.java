package raftlab.harness.lab.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to reach the hosts of the ssh lab: Jepsen's flags ({@code --nodes}, {@code --username},
 * {@code --password}, {@code --ssh-private-key}, {@code --strict-host-key-checking}) plus the clock
 * mode. Host {@code i} (from 0) runs node {@code n(i+1)}.
 *
 * @param hosts          host names or addresses, optionally {@code host:port}
 * @param username       the login; anything but root runs commands through {@code sudo -n}
 * @param password       used when given; otherwise the private key (or the default keys in ~/.ssh)
 * @param privateKey     an OpenSSH private key file
 * @param strictHostKeys check host keys against ~/.ssh/known_hosts (off by default, as Jepsen's)
 * @param remoteDir      where nodes keep their jar, data, log and pid file; one directory per node
 *                       id below it, so that hosts sharing a file system (namespaces) do not clash
 */
public record SshOptions(List<String> hosts, String username, Optional<String> password,
                         Optional<Path> privateKey, boolean strictHostKeys, ClockMode clockMode,
                         String remoteDir, Duration connectTimeout, boolean leaveDbRunning) {

    public static final String DEFAULT_REMOTE_DIR = "/opt/raftlab";

    public SshOptions {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("the ssh lab needs hosts; give --nodes a,b,c or --nodes-file FILE");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("--username is empty; give the login name on the hosts (root by default)");
        }
        privateKey.ifPresent(key -> {
            if (!Files.isReadable(key)) {
                throw new IllegalArgumentException("cannot read the SSH private key " + key + "; give a readable key with --ssh-private-key");
            }
        });
        if (!remoteDir.startsWith("/") || remoteDir.equals("/") || remoteDir.contains("'")) {
            throw new IllegalArgumentException("the remote directory '" + remoteDir + "' must be an absolute path below /, without quotes");
        }
    }

    /** Defaults for everything but the hosts: root, default keys, no host key checks, system clock. */
    public static SshOptions of(List<String> hosts) {
        return new SshOptions(hosts, "root", Optional.empty(), Optional.empty(), false, ClockMode.SYSTEM,
                DEFAULT_REMOTE_DIR, Duration.ofSeconds(10), false);
    }

    public SshOptions withPrivateKey(Path key) {
        return new SshOptions(hosts, username, password, Optional.of(key), strictHostKeys, clockMode, remoteDir, connectTimeout, leaveDbRunning);
    }

    public SshOptions withClockMode(ClockMode mode) {
        return new SshOptions(hosts, username, password, privateKey, strictHostKeys, mode, remoteDir, connectTimeout, leaveDbRunning);
    }

    public SshOptions withRemoteDir(String dir) {
        return new SshOptions(hosts, username, password, privateKey, strictHostKeys, clockMode, dir, connectTimeout, leaveDbRunning);
    }

    public SshOptions withLeaveDbRunning(boolean leave) {
        return new SshOptions(hosts, username, password, privateKey, strictHostKeys, clockMode, remoteDir, connectTimeout, leave);
    }
}
