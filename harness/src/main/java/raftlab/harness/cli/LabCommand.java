package raftlab.harness.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.conventions.ExitCodes;
import raftlab.harness.lab.LabException;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.hand.FaultsFile;
import raftlab.harness.lab.hand.FaultsInForce;
import raftlab.harness.lab.local.LocalLab;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.LocalNetwork;
import raftlab.harness.lab.local.NodeLauncher;
import raftlab.harness.lab.local.Prerequisites;

/** {@code raftlab lab up|down|status}: the local lab by hand. */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Brings the local lab (network namespaces with one raft-node each) up or down, shows it, and puts faults on it by hand.",
                "down is idempotent and removes every namespace, bridge, veth, rule and process of the lab's prefix.",
                "Everything sent to the nodes (lab kv, finding the leader) runs inside the lab's control namespace, which has no default route."},
        subcommands = {LabStatusCommand.class, LabFaultCommands.Partition.class, LabFaultCommands.Heal.class, LabFaultCommands.Kill.class,
                LabFaultCommands.Start.class, LabFaultCommands.Pause.class, LabFaultCommands.Resume.class, LabFaultCommands.Clock.class,
                LabKvCommand.class})
public final class LabCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "up|down", description = "Or one of the commands below.")
    String action;
    @Option(names = "--node-count", defaultValue = "5", description = "Nodes (default: ${DEFAULT-VALUE}).")
    int nodeCount;
    @picocli.CommandLine.Mixin LocalLabName localLab;
    @Option(names = "--bug", description = "A raft-node bug switch for every node (repeatable).")
    List<String> bugs = new java.util.ArrayList<>();
    @Option(names = "--stand-in", hidden = true)
    boolean standIn;
    @Option(names = "--lab", paramLabel = "local|ssh", description = "Which lab: local (default) or ssh (hosts from --nodes or --nodes-file).")
    String lab;
    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where an ssh lab's faults are recorded (default: a directory in /tmp named for its hosts).")
    java.nio.file.Path stateDir;
    @picocli.CommandLine.Mixin raftlab.harness.lab.ssh.SshFlags ssh;

    @Override public Integer call() throws Exception {
        raftlab.harness.campaign.RunLog.quietConsole();
        if (action == null) {
            System.err.println("error: say what to do with the lab; see raftlab lab --help");
            return ExitCodes.BAD_INPUT;
        }
        if ("ssh".equals(lab)) return LabTarget.run(() -> LabSshUpDown.run(action, ssh, stateDir, bugs, standIn));
        if (lab != null && !lab.equals("local")) {
            System.err.println("error: unknown lab " + lab + "; use local or ssh");
            return ExitCodes.BAD_INPUT;
        }
        try {
            String prefix = localLab.prefix();
            String subnet = localLab.subnet();
            if (!Prerequisites.isRoot()) {
                System.err.println("error: the local lab needs root for network namespaces and iptables; run it as root (sudo bin/raftlab lab " + action + ")");
                return ExitCodes.BAD_INPUT;
            }
            LocalLayout layout = LocalLayout.of(prefix, subnet, recordedCount(LocalLayout.of(prefix, subnet, nodeCount)));
            switch (action) {
                case "up" -> {
                    String library = Prerequisites.ensure(System.out::println);
                    layout = LocalLayout.of(prefix, subnet, nodeCount);
                    LocalLab lab = new LocalLab(layout, standIn ? NodeLauncher.standIn() : NodeLauncher.raftNode(TestCommand.home()), library, true);
                    lab.up(bugs);
                    // Later commands (lab start, lab status) learn the bug switches and that nothing is in force from here.
                    new FaultsFile(layout.dir()).write(FaultsInForce.fresh(bugs, standIn));
                    for (LabNode node : lab.nodes()) {
                        System.out.println(node.id() + " in namespace " + layout.namespaceOf(node.id()) + " at " + node.host()
                                + " pid " + lab.pid(node.id()).orElse(-1) + ", log " + layout.logFile(node.id()));
                    }
                    System.out.println("control namespace " + layout.controlNamespace() + " at " + layout.controlAddress()
                            + " (try: ip netns exec " + layout.controlNamespace() + " curl http://" + layout.address(1) + ":" + LocalLayout.CLIENT_PORT + "/health)");
                    System.out.println("every other path needs the lab's client token (Authorization: Bearer TOKEN) from " + layout.clientTokenFile()
                            + "; raftlab lab kv sends it");
                    System.out.println("remove it with: raftlab lab down" + (prefix.equals(LocalLayout.DEFAULT_PREFIX) ? "" : " --lab-prefix " + prefix));
                    return 0;
                }
                case "down" -> {
                    List<String> done = LocalLab.down(layout);
                    if (done.isEmpty()) System.out.println("nothing of lab " + prefix + " was running");
                    done.forEach(System.out::println);
                    List<String> left = new LocalNetwork(layout).namespaces();
                    if (!left.isEmpty()) {
                        System.err.println("error: namespaces " + left + " could not be removed; see ip netns list and remove them with ip netns del");
                        return ExitCodes.CRASHED;
                    }
                    return 0;
                }
                default -> {
                    System.err.println("error: unknown action " + action + "; use up, down, or one of the commands in raftlab lab --help");
                    return ExitCodes.BAD_INPUT;
                }
            }
        } catch (Prerequisites.Missing e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (LabException e) {
            System.err.println("error: " + e.getMessage() + "; remove what was made with raftlab lab down");
            return ExitCodes.CRASHED;
        }
    }

    /** The node count the lab was built with, from its state file, so down and status see every node. */
    static int recordedCount(LocalLayout layout) {
        try {
            if (Files.exists(layout.stateFile())) {
                java.util.Properties p = new java.util.Properties();
                try (var in = Files.newInputStream(layout.stateFile())) { p.load(in); }
                return Integer.parseInt(p.getProperty("nodeCount", Integer.toString(layout.nodeCount())));
            }
        } catch (java.io.IOException | NumberFormatException ignored) {
            // Fall back to the count given on the command line.
        }
        return layout.nodeCount();
    }
}
