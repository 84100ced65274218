package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SshHost#upload} against a real sshd of the namespace lab (vagrant/ssh-ns-lab up, run from
 * its control namespace by vagrant/ci-ssh-lab; skipped without RAFTLAB_SSH_LAB_STATE). Sizes sit on
 * both sides of the 32 KiB buffers of SSH channels, and the last is the size of a jar that once
 * arrived cut to its first 98 x 32 KiB: a copy must arrive whole, byte for byte.
 */
class SshUploadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int KIB_32 = 32 * 1024;

    @TempDir Path tmp;

    private static Path state() {
        String dir = System.getenv("RAFTLAB_SSH_LAB_STATE");
        assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "nodes")), "no ssh namespace lab (RAFTLAB_SSH_LAB_STATE)");
        return Path.of(dir);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, KIB_32 - 1, KIB_32, KIB_32 + 1, 3 * 1024 * 1024 + 1079})
    void aFileArrivesWholeWhateverItsSize(int size) throws IOException {
        Path state = state();
        List<String> hosts = Files.readAllLines(state.resolve("nodes")).stream().filter(l -> !l.isBlank()).toList();
        SshOptions options = SshOptions.of(hosts).withPrivateKey(state.resolve("id_ed25519"));
        // Random bytes (seeded by the size, so a failure repeats): no run of zeros a copy could fake.
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path local = tmp.resolve("upload-" + size + ".bin");
        Files.write(local, content);
        String remote = state.resolve("upload-test-" + size + ".bin").toString();
        try (SshHost host = new SshHost("n1", hosts.get(0), options)) {
            host.upload(local, remote);
            CommandResult digest = host.run("wc -c < " + Shell.quote(remote) + "; sha256sum " + Shell.quote(remote) + " | cut -d' ' -f1", TIMEOUT);
            host.run("rm -f " + Shell.quote(remote) + " " + Shell.quote(remote + ".part"), TIMEOUT);
            List<String> lines = digest.stdout().lines().map(String::strip).toList();
            assertEquals(2, lines.size(), "size and digest of the copy: " + digest);
            assertEquals(String.valueOf(size), lines.get(0), "bytes that arrived of " + size);
            assertEquals(sha256(content), lines.get(1), "SHA-256 of the copy of " + size + " bytes");
            assertFalse(Files.exists(Path.of(remote + ".part")), "a partial file was left behind");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
