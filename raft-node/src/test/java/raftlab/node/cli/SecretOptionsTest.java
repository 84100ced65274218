package raftlab.node.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The cluster secret comes from a private file, never from the command line or a well-known default. */
class SecretOptionsTest {
    private static final String PEERS = "n1=127.0.0.1:7001:8001";
    @TempDir Path dir;

    private static RunCommand run(String... args) {
        RunCommand run = new RunCommand();
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"--id", "n1", "--peers", PEERS}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        new CommandLine(run).parseArgs(all);
        return run;
    }

    @Test void withoutASecretFileTheNodeRefusesToStartInsteadOfUsingAWellKnownSecret() {
        UserError e = assertThrows(UserError.class, () -> run().settings());
        assertTrue(e.getMessage().startsWith("--cluster-secret-file is missing; "), e.getMessage());
    }

    @Test void aSecretOnTheCommandLineIsRefused() {
        UserError e = assertThrows(UserError.class, () -> run("--cluster-secret", "0123456789abcdef0123").settings());
        assertTrue(e.getMessage().contains("ps"), e.getMessage());
    }

    @Test void aSecretFileOthersMayReadIsRefused() throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "0123456789abcdef0123\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        UserError e = assertThrows(UserError.class, () -> run("--cluster-secret-file", file.toString()).settings());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertArrayEquals("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8), run("--cluster-secret-file", file.toString()).settings().clusterSecret());
    }

    @Test void aShortSecretIsRefused() throws Exception {
        Path file = SecretFiles.write(dir.resolve("short"), "guessable");
        assertThrows(UserError.class, () -> run("--cluster-secret-file", file.toString()).settings());
    }

    @Test void writtenSecretsArePrivateAndRandom() throws Exception {
        Path file = SecretFiles.write(dir.resolve("s"), SecretFiles.random());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(64, SecretFiles.read(file, "--cluster-secret-file").length());
        assertTrue(!SecretFiles.random().equals(SecretFiles.random()));
    }

    @Test void theRecipeTheMessagesGiveMakesASecretTheNodeAccepts() throws Exception {
        Path file = dir.resolve("made by hand");
        String recipe = SecretFiles.recipe("'" + file + "'");
        Process shell = new ProcessBuilder("sh", "-c", recipe).redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.waitFor(), recipe + ": " + output);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(SecretFiles.read(file, "--cluster-secret-file").matches("[0-9a-f]{64}"), Files.readString(file));
        UserError missing = assertThrows(UserError.class, () -> run().settings());
        assertTrue(missing.getMessage().contains(SecretFiles.recipe("secret")), missing.getMessage());
    }

    @Test void theClientTokenFileIsReadTheSameWay() throws Exception {
        Path secret = SecretFiles.write(dir.resolve("s"), SecretFiles.random());
        Path token = SecretFiles.write(dir.resolve("t"), "client-token-0123456789");
        assertEquals("client-token-0123456789",
                run("--cluster-secret-file", secret.toString(), "--client-token-file", token.toString()).settings().clientToken());
    }
}
