package raftlab.node.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Secrets come in files readable by their owner only, never on a command line (which {@code ps}
 * shows to every user of the machine). A secret is the file's text without the line end.
 */
public final class SecretFiles {
    /** Shorter secrets can be guessed; 16 characters of hex are 64 bits. */
    static final int MIN_CHARS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** Reads the secret in {@code file} for {@code option}, or refuses with a sentence that says what to do. */
    public static String read(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError(option + " " + file + " is not a readable file; create it with: " + recipe(file.toString()));
        }
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                for (PosixFilePermission p : permissions) {
                    if (p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_")) {
                        throw new UserError(option + " " + file + " may be read by others (" + PosixFilePermissions.toString(permissions)
                                + "); make it private with: chmod 600 " + file);
                    }
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < MIN_CHARS) {
                throw new UserError(option + " " + file + " holds fewer than " + MIN_CHARS + " characters; write a longer random secret into it");
            }
            return secret;
        } catch (IOException e) {
            throw new UserError("cannot read " + option + " " + file + " (" + e.getMessage() + ")");
        }
    }

    /** The shell command that writes a new random secret (32 bytes, as hex) into {@code file}, private from its first byte. */
    static String recipe(String file) {
        return "(umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > " + file + ")";
    }

    /** A new random secret (32 bytes, as hex). */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Writes {@code secret} to {@code file}, created readable and writable by its owner only before anything is in it. */
    public static Path write(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
