package raftlab.harness.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raftlab.harness.campaign.RunLog;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.hand.FaultsFile;
import raftlab.harness.lab.hand.FaultsInForce;
import raftlab.harness.lab.local.LocalLab;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.LocalNetwork;
import raftlab.harness.lab.local.NodeLauncher;
import raftlab.harness.lab.local.Prerequisites;

/** Which running local lab a by-hand command acts on, and how its errors reach the person who typed it. */
final class LabTarget {
    @Option(names = "--lab-prefix", description = "Namespace prefix of the lab (default: $RAFTLAB_LAB_PREFIX or n).")
    String labPrefix;
    @Option(names = "--lab-subnet", description = "First three octets of the lab's 10.x /24 (default: $RAFTLAB_LAB_SUBNET or 10.77.0).")
    String labSubnet;

    /** The command this is mixed into; its parent, {@code raftlab lab}, may carry the options too. */
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    /** The lab's layout, with the node count it was brought up with. */
    LocalLayout layout() {
        // raftlab lab --lab-prefix x kill n3 must act on lab x, not on the default lab.
        LabCommand parent = mixee != null && mixee.parent() != null && mixee.parent().userObject() instanceof LabCommand c ? c : null;
        String prefix = either(labPrefix, parent == null ? null : parent.labPrefix, "--lab-prefix");
        String subnet = either(labSubnet, parent == null ? null : parent.labSubnet, "--lab-subnet");
        prefix = prefix != null ? prefix : envOr("RAFTLAB_LAB_PREFIX", LocalLayout.DEFAULT_PREFIX);
        subnet = subnet != null ? subnet : envOr("RAFTLAB_LAB_SUBNET", LocalLayout.DEFAULT_SUBNET);
        try {
            LocalLayout guess = LocalLayout.of(prefix, subnet, 5);
            return LocalLayout.of(prefix, subnet, LabCommand.recordedCount(guess));
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The node {@code id} of the layout; a node the lab does not have is bad input (254), not a lab failure. */
    static raftlab.harness.lab.LabNode node(LocalLayout layout, String id) {
        try {
            return layout.nodes().get(layout.indexOf(id) - 1);
        } catch (LabException e) {
            throw new IllegalArgumentException(e.getMessage() + "; its nodes are n1..n" + layout.nodeCount());
        }
    }

    FaultsFile faultsFile(LocalLayout layout) { return new FaultsFile(layout.dir()); }

    /** Refuses, in one sentence, a lab that is not up or a user who cannot touch it. */
    static void requireUp(LocalLayout layout) {
        if (!Prerequisites.isRoot()) throw new Prerequisites.Missing("the local lab needs root for network namespaces and iptables; run it as root");
        if (!new LocalNetwork(layout).exists()) {
            throw new Prerequisites.Missing("lab " + layout.prefix() + " is not up; bring it up with raftlab lab up"
                    + (layout.prefix().equals(LocalLayout.DEFAULT_PREFIX) ? "" : " --lab-prefix " + layout.prefix()));
        }
    }

    /**
     * The running lab, borrowed: its network was made by {@code lab up}, and nothing here tears it down.
     * {@code mayStart} asks for the node binary too, so that a node can be started again.
     */
    LocalLab open(LocalLayout layout, FaultsInForce recorded, boolean mayStart) {
        requireUp(layout);
        String library = Prerequisites.fakeTimeLibrary();
        if (library == null) throw new Prerequisites.Missing("libfaketime is not installed; install it with apt-get install faketime");
        // A command that starts no node must not fail because the node jar was removed since the lab came up.
        NodeLauncher launcher = recorded.standIn() || !mayStart ? NodeLauncher.standIn() : NodeLauncher.raftNode(TestCommand.home());
        LocalLab lab = new LocalLab(layout, launcher, library, false);
        lab.adoptBugs(recorded.bugs());
        return lab;
    }

    /** Runs a by-hand command: bad input is one sentence and 254, a lab that fails one sentence and 255. */
    static int run(Callable<Integer> body) {
        RunLog.quietConsole();
        try {
            return body.call();
        } catch (IllegalArgumentException | Prerequisites.Missing e) {
            System.err.println("error: " + e.getMessage());
            return 254;
        } catch (LabException e) {
            System.err.println("error: " + e.getMessage());
            return 255;
        } catch (Exception e) {
            System.err.println("error: the command crashed (" + e + ")");
            return 255;
        }
    }

    private static String either(String here, String onLab, String flag) {
        if (here != null && onLab != null && !here.equals(onLab)) {
            throw new IllegalArgumentException(flag + " is given twice, as " + onLab + " and " + here + "; give it once");
        }
        return here != null ? here : onLab;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
