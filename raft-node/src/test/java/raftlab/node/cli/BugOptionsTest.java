package raftlab.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import raftlab.raft.Bug;
import raftlab.raft.Bugs;

class BugOptionsTest {
    private static final String PEERS = "n1=127.0.0.1:7001:8001";
    /** run refuses to start without a secret file; these tests are about the switches, so they all get one. */
    private static final String SECRET = secretFile();

    private static String secretFile() {
        try {
            Path dir = Files.createTempDirectory("bug-options-");
            dir.toFile().deleteOnExit();
            Path file = SecretFiles.write(dir.resolve("secret"), SecretFiles.random());
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everySwitchOfTheEnumIsAFlagOfRunWithItsDescription() {
        StringWriter help = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand());
        cli.usage(new PrintWriter(help));
        for (Bug bug : Bug.values()) {
            assertTrue(help.toString().contains(bug.flag()), bug.flag() + " missing from run --help:\n" + help);
            assertTrue(help.toString().replaceAll("\\s+", " ").contains(bug.description().substring(1, 30)), bug + "'s description");
        }
    }

    @Test
    void theFlagsGivenAreTheSwitchesOn() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--id", "n1", "--peers", PEERS, "--cluster-secret-file", SECRET, "--bug-forget-vote", "--bug-no-fsync");
        assertEquals(Bugs.of(Bug.NO_FSYNC, Bug.FORGET_VOTE), run.settings().bugs());
        RunCommand plain = new RunCommand();
        new CommandLine(plain).parseArgs("--id", "n1", "--peers", PEERS, "--cluster-secret-file", SECRET);
        assertEquals(Bugs.NONE, plain.settings().bugs());
    }

    @Test
    void aConfigFileTurnsASwitchOnByItsName() throws IOException {
        Path config = Files.createTempFile("node", ".json");
        Files.writeString(config, "{\"id\": \"n1\", \"peers\": [\"" + PEERS + "\"], \"cluster-secret-file\": \"" + SECRET + "\", \"bug-stale-reads\": true}");
        RunCommand run = new RunCommand();
        String[] expanded = RaftNodeMain.expandConfig(new String[] {"run", "--config", config.toString()});
        new CommandLine(run).parseArgs(java.util.Arrays.copyOfRange(expanded, 1, expanded.length));
        assertEquals(Bugs.of(Bug.STALE_READS), run.settings().bugs());
        Files.delete(config);
    }

    /**
     * The switches are spelled in Bug.java only: no other main source of any module names one by its command-line name
     * or its description. Docs and tests may name them.
     */
    @Test
    void theNamesAreSpelledInOnePlace() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> offenders = new ArrayList<>();
        for (String module : List.of("raft-node", "checker", "harness")) {
            Path main = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) continue;
            try (Stream<Path> files = Files.walk(main)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith(Path.of("raftlab/raft/Bug.java"))).toList()) {
                    String text = Files.readString(f);
                    for (Bug bug : Bug.values()) {
                        if (text.contains("\"" + bug.cliName()) || text.contains(bug.flag() + "\"") || text.contains(bug.description())) {
                            offenders.add(root.relativize(f) + " spells " + bug.cliName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
