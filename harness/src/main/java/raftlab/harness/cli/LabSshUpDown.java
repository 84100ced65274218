package raftlab.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.hand.FaultsFile;
import raftlab.harness.lab.hand.FaultsInForce;
import raftlab.harness.lab.ssh.SshFlags;
import raftlab.harness.lab.ssh.SshLab;
import raftlab.harness.lab.ssh.SshOptions;

/**
 * {@code raftlab lab up|down --lab ssh}: the nodes on an ssh lab's hosts, started and left running
 * for faults by hand, and removed again. The lab's state directory on this machine records the bug
 * switches and the clock mode it was brought up with.
 */
final class LabSshUpDown {
    private LabSshUpDown() {}

    static int run(String action, SshFlags flags, Path stateDir, List<String> bugs, boolean standIn) throws IOException {
        switch (action) {
            case "up" -> {
                SshOptions options = flags.toOptions(true);
                Path dir = LabTarget.sshStateDir(options, stateDir);
                SshLab lab = SshLab.fromEnvironment(options, standIn);
                lab.up(bugs);
                Files.createDirectories(dir);
                lab.saveTokens(dir);
                Properties p = new Properties();
                p.setProperty("clockMode", options.clockMode().name());
                try (var out = Files.newOutputStream(dir.resolve("lab.properties"))) {
                    p.store(out, "raftlab ssh lab: how it was brought up");
                }
                new FaultsFile(dir).write(FaultsInForce.fresh(bugs, standIn));
                for (LabNode node : lab.nodes()) System.out.println(node.id() + " on " + node.host() + " pid " + lab.pid(node.id()).orElse(-1));
                System.out.println("faults are recorded in " + dir + ", and the client token the nodes ask for (Authorization: Bearer TOKEN) in "
                        + SshLab.clientTokenFile(dir) + "; remove the nodes with: raftlab lab down --lab ssh and the same hosts");
                return 0;
            }
            case "down" -> {
                SshOptions options = flags.toOptions(false);
                Path dir = LabTarget.sshStateDir(options, stateDir);
                SshLab lab = SshLab.fromEnvironment(options, standIn);
                // This process moved no clock, so teardown would not reset the ones earlier commands moved: the record says which.
                FaultsFile record = new FaultsFile(dir);
                for (String id : record.read().clocks().keySet()) lab.setClockOffset(id, java.time.Duration.ZERO);
                // Not leaving the nodes running: teardown resumes, heals, kills the nodes and removes their files.
                lab.teardown();
                List<String> files = new java.util.ArrayList<>(List.of("faults.properties", "faults.lock", "lab.properties"));
                files.addAll(SshLab.tokenFileNames());
                for (String name : files) Files.deleteIfExists(dir.resolve(name));
                Files.deleteIfExists(dir);
                System.out.println("the ssh lab's nodes, rules and files are removed from " + options.hosts().size() + " hosts");
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown action " + action + "; use up, down, or one of the commands in raftlab lab --help");
        }
    }

    /**
     * Refuses a clock mode other than the one the lab was brought up with: with hosts that share this
     * machine's clock, the system mode would set this machine's clock.
     */
    static void checkClockMode(Path dir, SshOptions options) {
        Path file = dir.resolve("lab.properties");
        if (!Files.exists(file)) return;
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage() + "; bring the lab up again");
        }
        String recorded = p.getProperty("clockMode", options.clockMode().name());
        if (!recorded.equals(options.clockMode().name())) {
            throw new IllegalArgumentException("this ssh lab was brought up with --clock-mode " + recorded.toLowerCase(java.util.Locale.ROOT)
                    + "; give the same --clock-mode");
        }
    }
}
