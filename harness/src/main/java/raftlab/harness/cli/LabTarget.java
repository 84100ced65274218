package raftlab.harness.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftlab.conventions.ExitCodes;
import raftlab.conventions.InputError;
import raftlab.harness.campaign.RunLog;
import raftlab.harness.lab.Lab;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.hand.FaultsFile;
import raftlab.harness.lab.hand.FaultsInForce;
import raftlab.harness.lab.local.LocalLab;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.LocalNetwork;
import raftlab.harness.lab.local.NodeLauncher;
import raftlab.harness.lab.local.Prerequisites;
import raftlab.harness.lab.ssh.SshFlags;
import raftlab.harness.lab.ssh.SshLab;
import raftlab.harness.lab.ssh.SshOptions;

/** Which running lab a by-hand command acts on (the local lab, or an ssh lab's hosts), and how its errors reach the person who typed it. */
final class LabTarget {
    @Option(names = "--lab", paramLabel = "local|ssh", description = "Which lab (default: local).")
    String lab;
    @Mixin LocalLabName localLab;
    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where an ssh lab's faults are recorded (default: a directory in /tmp named for its hosts).")
    Path stateDir;
    @Mixin SshFlags ssh;

    /** The command this is mixed into; its parent, {@code raftlab lab}, may carry the options too. */
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    /** A lab borrowed for one command: nothing here tears it down. {@code local} is empty for an ssh lab. */
    record Opened(Lab lab, FaultsFile file, Optional<LocalLayout> local) {}

    /** raftlab lab, when this is mixed into one of its commands: options given before the command count too. */
    private LabCommand parent() {
        return mixee != null && mixee.parent() != null && mixee.parent().userObject() instanceof LabCommand c ? c : null;
    }

    boolean isSsh() {
        LabCommand parent = parent();
        String which = either(lab, parent == null ? null : parent.lab, "--lab");
        if (which == null) return false;
        if (!which.equals("local") && !which.equals("ssh")) throw new IllegalArgumentException("unknown lab " + which + "; use local or ssh");
        return which.equals("ssh");
    }

    /** The ssh flags given here, or before the command on raftlab lab. */
    private SshFlags sshFlags() {
        LabCommand parent = parent();
        return !ssh.hostsGiven() && parent != null && parent.ssh.hostsGiven() ? parent.ssh : ssh;
    }

    /** The running lab; {@code mayStart} asks for the node binary too, so that a node can be started again. */
    Opened open(boolean mayStart) {
        if (isSsh()) {
            SshOptions options = sshFlags().toOptions(true);
            Path dir = sshStateDir(options, stateDir != null ? stateDir : parent() == null ? null : parent().stateDir);
            LabSshUpDown.checkClockMode(dir, options);
            FaultsFile file = new FaultsFile(dir);
            SshLab sshLab = SshLab.fromEnvironment(options, file.read().standIn());
            sshLab.adoptRunning(file.read().bugs());
            sshLab.adoptTokens(dir);
            return new Opened(sshLab, file, Optional.empty());
        }
        LocalLayout layout = layout();
        requireUp(layout);
        FaultsFile file = new FaultsFile(layout.dir());
        return new Opened(openLocal(layout, file.read(), mayStart), file, Optional.of(layout));
    }

    /** Where the faults of the ssh lab on these hosts are recorded, unless --state-dir says. */
    static Path sshStateDir(SshOptions options, Path given) {
        if (given != null) return given.toAbsolutePath();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", options.hosts()).getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "raftlab-ssh-" + HexFormat.of().formatHex(digest, 0, 6));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The local lab's layout, with the node count it was brought up with. */
    LocalLayout layout() {
        // raftlab lab --lab-prefix x kill n3 must act on lab x, not on the default lab.
        LabCommand parent = parent();
        String prefix = LocalLabName.prefix(either(localLab.labPrefix, parent == null ? null : parent.localLab.labPrefix, "--lab-prefix"));
        String subnet = LocalLabName.subnet(either(localLab.labSubnet, parent == null ? null : parent.localLab.labSubnet, "--lab-subnet"));
        try {
            LocalLayout guess = LocalLayout.of(prefix, subnet, 5);
            return LocalLayout.of(prefix, subnet, LabCommand.recordedCount(guess));
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The node {@code id} of the layout, with the lab's client token; a node the lab does not have is bad input (254), not a lab failure. */
    static raftlab.harness.lab.LabNode node(LocalLayout layout, String id) {
        try {
            return layout.nodes().get(layout.indexOf(id) - 1).withClientToken(LocalLab.clientToken(layout));
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage() + "; its nodes are n1..n" + layout.nodeCount());
        }
    }

    /** Refuses, in one sentence, a lab that is not up or a user who cannot touch it. */
    static void requireUp(LocalLayout layout) {
        if (!Prerequisites.isRoot()) throw new Prerequisites.Missing("the local lab needs root for network namespaces and iptables; run it as root");
        if (!new LocalNetwork(layout).exists()) {
            throw new Prerequisites.Missing("lab " + layout.prefix() + " is not up; bring it up with raftlab lab up"
                    + (layout.prefix().equals(LocalLayout.DEFAULT_PREFIX) ? "" : " --lab-prefix " + layout.prefix()));
        }
    }

    private static LocalLab openLocal(LocalLayout layout, FaultsInForce recorded, boolean mayStart) {
        String library = Prerequisites.fakeTimeLibrary();
        if (library == null) throw new Prerequisites.Missing("libfaketime is not installed; install it with apt-get install faketime");
        // A command that starts no node must not fail because the node jar was removed since the lab came up.
        NodeLauncher launcher = recorded.standIn() || !mayStart ? NodeLauncher.standIn() : NodeLauncher.raftNode(TestCommand.home());
        LocalLab local = new LocalLab(layout, launcher, library, false);
        local.adoptBugs(recorded.bugs());
        return local;
    }

    /**
     * Runs a by-hand command: bad input is one sentence and 254, a lab that fails one sentence and
     * 255; anything else is a defect, left to raftlab's crash handler, which logs its stack trace.
     */
    static int run(Callable<Integer> body) throws Exception {
        RunLog.quietConsole();
        try {
            return body.call();
        } catch (IllegalArgumentException | Prerequisites.Missing | InputError e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (LabException e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.CRASHED;
        }
    }

    private static String either(String here, String onLab, String flag) {
        if (here != null && onLab != null && !here.equals(onLab)) {
            throw new IllegalArgumentException(flag + " is given twice, as " + onLab + " and " + here + "; give it once");
        }
        return here != null ? here : onLab;
    }
}
