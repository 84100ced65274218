package raftlab.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.hand.FaultsFile;
import raftlab.harness.lab.hand.FaultsInForce;
import raftlab.harness.lab.local.LocalLab;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.LocalNetwork;
import raftlab.harness.lab.local.NodeLauncher;
import raftlab.harness.lab.local.Prerequisites;

/** {@code raftlab lab status}: the lab's namespaces, each node's process, and the faults in force. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the lab: each node's process (and, for the local lab, its namespaces and clock), and the faults put on it by hand.")
public final class LabStatusCommand implements Callable<Integer> {
    @Mixin LabTarget target;

    @Override public Integer call() throws Exception {
        return LabTarget.run(() -> {
            if (target.isSsh()) return sshStatus();
            if (!Prerequisites.isRoot()) throw new Prerequisites.Missing("the local lab needs root for network namespaces and iptables; run it as root");
            LocalLayout layout = target.layout();
            List<String> namespaces = new LocalNetwork(layout).namespaces();
            if (namespaces.isEmpty()) {
                System.out.println("lab " + layout.prefix() + " is down (no namespaces)");
                return 0;
            }
            System.out.println("namespaces: " + String.join(" ", namespaces.stream().sorted().toList()));
            FaultsInForce faults = new FaultsFile(layout.dir()).read();
            LocalLab lab = new LocalLab(layout, NodeLauncher.standIn(), "", false);
            for (LabNode node : layout.nodes()) {
                OptionalLong pid = lab.pid(node.id());
                String process = pid.isEmpty() ? "not running" : (stopped(pid.getAsLong()) ? "paused" : "running") + ", pid " + pid.getAsLong();
                System.out.println(node.id() + " at " + node.host() + ": " + process + clock(layout.clockFile(node.id())));
            }
            if (!faults.bugs().isEmpty()) System.out.println("bug switches: " + String.join(" ", faults.bugs()));
            LabFaultCommands.printInForce(faults);
            if (Prerequisites.hostHasLabRoute(layout)) System.out.println("warning: the host's own namespace has an address or route in " + layout.cidr());
            return 0;
        });
    }

    private int sshStatus() {
        LabTarget.Opened opened = target.open(false);
        for (LabNode node : opened.lab().nodes()) {
            OptionalLong pid = opened.lab().pid(node.id());
            System.out.println(node.id() + " on " + node.host() + ": " + (pid.isPresent() ? "running, pid " + pid.getAsLong() : "not running"));
        }
        FaultsInForce faults = opened.file().read();
        if (!faults.bugs().isEmpty()) System.out.println("bug switches: " + String.join(" ", faults.bugs()));
        LabFaultCommands.printInForce(faults);
        return 0;
    }

    /** True when the process is stopped by a signal (state T in /proc). */
    private static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close >= 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'T';
        } catch (IOException e) {
            return false;
        }
    }

    /** The node's libfaketime offset, when it is not real time. */
    private static String clock(Path clockFile) {
        try {
            if (!Files.exists(clockFile) || Files.size(clockFile) > 64) return "";
            String offset = Files.readString(clockFile).strip();
            return offset.matches("[+-]0+(\\.0+)?") ? "" : ", clock " + offset + " s";
        } catch (IOException e) {
            return "";
        }
    }
}
