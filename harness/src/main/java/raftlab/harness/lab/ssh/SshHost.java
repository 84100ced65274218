package raftlab.harness.lab.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.xfer.FileSystemFile;
import raftlab.harness.lab.LabException;

/**
 * One host of the ssh lab and its SSH connection, opened once and reused for every command
 * (reopened when it drops). Commands run as root: directly when logged in as root, otherwise
 * through {@code sudo -n}. Every command runs under the host's {@code timeout}, so a hung host
 * costs a bounded wait, never a stuck harness.
 */
public final class SshHost implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SshHost.class.getName());

    private final String name;
    private final String address;
    private final int port;
    private final SshOptions options;
    private SSHClient client;

    /** @param name the node id this host runs, for messages ({@code n3}); @param target {@code host} or {@code host:port} */
    public SshHost(String name, String target, SshOptions options) {
        this.name = name;
        int colon = target.lastIndexOf(':');
        boolean hasPort = colon > 0 && target.indexOf(':') == colon && target.substring(colon + 1).matches("\\d+");
        this.address = hasPort ? target.substring(0, colon) : target;
        this.port = hasPort ? Integer.parseInt(target.substring(colon + 1)) : 22;
        this.options = options;
    }

    public String name() { return name; }

    public String address() { return address; }

    /** {@code n3 (192.168.56.13:22)}: how messages name this host. */
    public String describe() { return name + " (" + address + ":" + port + ")"; }

    /** Opens the connection now, so that an unreachable host is named before anything starts. */
    public synchronized void connect() {
        if (client != null && client.isConnected() && client.isAuthenticated()) return;
        closeQuietly();
        SSHClient fresh = new SSHClient();
        try {
            fresh.setConnectTimeout((int) options.connectTimeout().toMillis());
            fresh.setTimeout((int) Duration.ofMinutes(2).toMillis());
            if (options.strictHostKeys()) {
                fresh.loadKnownHosts();
            } else {
                fresh.addHostKeyVerifier(new PromiscuousVerifier());
            }
            fresh.connect(address, port);
            fresh.getConnection().getKeepAlive().setKeepAliveInterval(5);
            if (options.password().isPresent()) {
                fresh.authPassword(options.username(), options.password().get());
            } else if (options.privateKey().isPresent()) {
                fresh.authPublickey(options.username(), fresh.loadKeys(options.privateKey().get().toString()));
            } else {
                fresh.authPublickey(options.username());
            }
            client = fresh;
        } catch (UserAuthException e) {
            close(fresh);
            LOG.log(Level.INFO, "login to " + describe() + " refused", e);
            throw new LabException("the SSH login to " + describe() + " as " + options.username()
                    + " was refused; give a key the host authorises (--ssh-private-key) or --username and --password", e);
        } catch (IOException | RuntimeException e) {
            close(fresh);
            LOG.log(Level.INFO, "cannot reach " + describe(), e);
            throw new LabException("cannot reach " + describe() + " over SSH (" + reason(e)
                    + "); check that the host is up, runs sshd and is listed right in the nodes file", e);
        }
    }

    /** Runs a shell script as root and returns what it printed; never throws for a non-zero exit. */
    public CommandResult run(String script, Duration timeout) {
        String wrapped = "timeout -s KILL " + Math.max(1, timeout.toSeconds()) + " sh -c " + Shell.quote(script);
        if (!options.username().equals("root")) wrapped = "sudo -n " + wrapped;
        return exec(wrapped, null, timeout.plusSeconds(10));
    }

    /** Runs a script and throws, naming the host and the first line of its error, when it fails. */
    public CommandResult runChecked(String what, String script, Duration timeout) {
        CommandResult result = run(script, timeout);
        if (!result.ok()) {
            LOG.warning(() -> describe() + ": " + what + " failed: " + result);
            throw new LabException("could not " + what + " on " + describe() + ": " + result.firstErrorLine());
        }
        return result;
    }

    /**
     * Writes a local file to a path on the host through SCP, which the host's sshd serves with
     * OpenSSH's own {@code scp} (no SFTP subsystem needed). The copy lands beside the target and is
     * moved into place, so the target is never half-written. A login other than root copies to a
     * temporary file of its own first, then moves it as root.
     *
     * <p>Not through {@code cat > file} fed from an exec channel's stream: closing that stream
     * drops the last partial 32 KiB buffer (a 3,212,343-byte jar arrived as its first 98 x 32 KiB).
     * SCP states the length first and waits for the host to acknowledge every byte.
     */
    public void upload(Path local, String remotePath) {
        boolean root = options.username().equals("root");
        String staging = root ? remotePath + ".part" : loginTempFile();
        for (int attempt = 1; ; attempt++) {
            connect();
            SSHClient current;
            synchronized (this) { current = client; }
            try {
                current.newSCPFileTransfer().upload(new FileSystemFile(local.toFile()), staging);
                break;
            } catch (IOException e) {
                LOG.log(Level.INFO, describe() + ": copy of " + local + " failed (attempt " + attempt + ")", e);
                synchronized (this) { closeQuietly(); }
                if (attempt >= 2) {
                    run("rm -f " + Shell.quote(staging), Duration.ofSeconds(30));
                    throw new LabException("could not copy " + local.getFileName() + " to " + describe() + ":" + remotePath
                            + " (" + reason(e) + "); check that the host has scp (Debian: openssh-client) and free disk space", e);
                }
            }
        }
        String move = "mv -f " + Shell.quote(staging) + " " + Shell.quote(remotePath);
        if (!root) move += " && chown root:root " + Shell.quote(remotePath);
        CommandResult result = run(move, Duration.ofMinutes(1));
        if (!result.ok()) {
            run("rm -f " + Shell.quote(staging), Duration.ofSeconds(30));
            throw new LabException("could not copy " + local.getFileName() + " to " + describe() + ":" + remotePath + ": " + result.firstErrorLine());
        }
    }

    /** A fresh temporary file owned by the login user (not root), for a copy that root then moves. */
    private String loginTempFile() {
        CommandResult made = exec("mktemp /tmp/raftlab-upload.XXXXXXXX", null, Duration.ofSeconds(30));
        String path = made.stdout().strip();
        if (!made.ok() || path.isEmpty()) {
            throw new LabException("could not make a temporary file on " + describe() + " as " + options.username() + ": " + made.firstErrorLine());
        }
        return path;
    }

    /** Copies a file from the host; false when it does not exist there. */
    public boolean download(String remotePath, Path local) {
        String script = "test -f " + Shell.quote(remotePath) + " || exit 3; cat " + Shell.quote(remotePath);
        String wrapped = "sh -c " + Shell.quote(script);
        if (!options.username().equals("root")) wrapped = "sudo -n " + wrapped;
        CommandResult result = exec(wrapped, local, Duration.ofMinutes(5));
        if (result.exitStatus() == 3) {
            try { Files.deleteIfExists(local); } catch (IOException ignored) { /* nothing was written */ }
            return false;
        }
        if (!result.ok()) throw new LabException("could not fetch " + remotePath + " from " + describe() + ": " + result.firstErrorLine());
        return true;
    }

    private CommandResult exec(String command, Path stdoutTo, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            connect();
            SSHClient current;
            synchronized (this) { current = client; }
            try (Session session = current.startSession()) {
                Session.Command cmd = session.exec(command);
                cmd.getOutputStream().close();
                String out;
                if (stdoutTo != null) {
                    try (InputStream remote = cmd.getInputStream()) {
                        Files.copy(remote, stdoutTo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    out = "";
                } else {
                    out = readAll(cmd.getInputStream());
                }
                String err = readAll(cmd.getErrorStream());
                cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Integer status = cmd.getExitStatus();
                CommandResult result = new CommandResult(name, command, status == null ? 255 : status, out, err);
                LOG.fine(() -> name + "$ " + command + " -> " + result.exitStatus());
                return result;
            } catch (IOException e) {
                // A dropped connection is reopened once; a second failure is the host's problem.
                LOG.log(Level.INFO, describe() + ": command failed (attempt " + attempt + "): " + command, e);
                synchronized (this) { closeQuietly(); }
                if (attempt >= 2) {
                    throw new LabException("lost the SSH connection to " + describe() + " (" + reason(e)
                            + "); check that the host is still up", e);
                }
            }
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return "connection refused";
            if (t instanceof NoRouteToHostException) return "no route to host";
            if (t instanceof UnknownHostException) return "unknown host name";
            if (t instanceof SocketTimeoutException) return "timed out";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private void closeQuietly() {
        if (client != null) close(client);
        client = null;
    }

    private static void close(SSHClient c) {
        try { c.disconnect(); } catch (IOException | RuntimeException ignored) { /* already gone */ }
    }

    @Override public synchronized void close() { closeQuietly(); }
}
