package raftlab.harness.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.harness.client.ClusterProbe;
import raftlab.harness.lab.hand.ClockOffset;
import raftlab.harness.lab.hand.FaultsFile;
import raftlab.harness.lab.hand.FaultsInForce;
import raftlab.harness.lab.hand.HandFaults;
import raftlab.harness.lab.local.NamespaceGuard;
import raftlab.harness.partition.PartitionShape;
import raftlab.harness.util.Durations;

/**
 * The faults of the local lab by hand: {@code raftlab lab partition|heal|kill|start|pause|resume|clock}.
 * Each does one thing to the running lab and records it in the lab's state directory, where
 * {@code raftlab lab status} reads what is in force.
 */
final class LabFaultCommands {
    private LabFaultCommands() {}

    /** The lab, its record of faults, and the faults done and recorded together. */
    private record Opened(LabTarget.Opened lab, HandFaults faults) {
        FaultsFile file() { return lab.file(); }
    }

    private static Opened open(LabTarget target, boolean mayStart) {
        LabTarget.Opened lab = target.open(mayStart);
        return new Opened(lab, new HandFaults(lab.lab(), lab.file()));
    }

    static void printInForce(FaultsInForce faults) {
        List<String> lines = faults.describe();
        if (lines.isEmpty()) System.out.println("faults in force: none");
        for (String line : lines) System.out.println("in force: " + line);
    }

    private static void printInForce(FaultsFile file) { printInForce(file.read()); }

    @Command(name = "partition", mixinStandardHelpOptions = true,
            description = {"Cuts the lab's network, replacing any partition in force.",
                    "SHAPE is halves, one, leader, ring, bridge (drawn with --seed), or groups of nodes such as n1,n2/n3,n4,n5:",
                    "nodes in one group reach each other and no one else; every node must be in exactly one group."})
    static final class Partition implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SHAPE") String shapeText;
        @Option(names = "--seed", description = "Seed of the draw for halves, one, ring and bridge (default: random, printed).") String seed;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception {
            return LabTarget.run(() -> {
                PartitionShape shape = PartitionShape.parse(shapeText);
                long s = seed != null ? Durations.parseSeed(seed) : new java.security.SecureRandom().nextLong();
                Opened o = open(target, false);
                if (shape instanceof PartitionShape.Groups groups) groups.checkFits(o.faults().ids());
                Callable<Integer> cut = () -> {
                    Optional<String> leader = Optional.empty();
                    if (shape instanceof PartitionShape.Leader) {
                        o.lab().local().ifPresent(layout -> NamespaceGuard.requireInside(layout.controlNamespace()));
                        leader = ClusterProbe.leader(o.lab().lab().nodes(), 2000);
                        if (leader.isEmpty()) {
                            throw new IllegalArgumentException("no node names a leader now; wait for an election (raftlab lab status), or name the groups, such as n3/n1,n2,n4,n5");
                        }
                    }
                    String done = o.faults().partition(shape, new SplittableRandom(s), leader);
                    boolean drawn = !(shape instanceof PartitionShape.Groups) && !(shape instanceof PartitionShape.Leader);
                    System.out.println("partition " + done + (drawn ? " (seed " + Durations.seedText(s) + ")" : ""));
                    return 0;
                };
                // Finding the leader means asking the nodes, which only the control namespace may do.
                // The hosts of an ssh lab are reached from here, as the ssh lab itself reaches them.
                return shape instanceof PartitionShape.Leader && o.lab().local().isPresent()
                        ? InControlNamespace.run(o.lab().local().get(), cut) : cut.call();
            });
        }
    }

    @Command(name = "heal", mixinStandardHelpOptions = true,
            description = "Removes every partition and packet-loss rule; with --all also resumes paused nodes, starts stopped ones and resets clocks.")
    static final class Heal implements Callable<Integer> {
        @Option(names = "--all", description = "Undo every fault, not only the network's.") boolean all;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception {
            return LabTarget.run(() -> {
                Opened o = open(target, all);
                o.faults().heal(all);
                System.out.println(all ? "healed everything" : "network healed");
                printInForce(o.file());
                return 0;
            });
        }
    }

    /** What one of kill, start, pause and resume does to one node. */
    private interface NodeAction { void apply(HandFaults faults, String id); }

    private static int onNodes(LabTarget target, List<String> ids, boolean mayStart, String past, NodeAction action) throws Exception {
        return LabTarget.run(() -> {
            Opened o = open(target, mayStart);
            for (String id : ids) o.faults().node(id);
            for (String id : ids) {
                action.apply(o.faults(), id);
                System.out.println(past + " " + id);
            }
            printInForce(o.file());
            return 0;
        });
    }

    @Command(name = "kill", mixinStandardHelpOptions = true, description = "kill -9 of the nodes' recorded pids (a node already dead is not an error).")
    static final class Kill implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "NODE") List<String> ids;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception { return onNodes(target, ids, false, "killed", HandFaults::kill); }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Starts stopped nodes again with their data and the lab's bug switches (a running node is left alone).")
    static final class Start implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "NODE") List<String> ids;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception { return onNodes(target, ids, true, "started", HandFaults::start); }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "SIGSTOP of the nodes' recorded pids.")
    static final class Pause implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "NODE") List<String> ids;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception { return onNodes(target, ids, false, "paused", HandFaults::pause); }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "SIGCONT of the nodes' recorded pids.")
    static final class Resume implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "NODE") List<String> ids;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception { return onNodes(target, ids, false, "resumed", HandFaults::resume); }
    }

    @Command(name = "clock", mixinStandardHelpOptions = true,
            description = {"Moves a node's wall clock (through libfaketime; this machine's clock is never changed).",
                    "The node's monotonic clock, which times elections and leases, stays true."})
    static final class Clock implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NODE") String id;
        @Option(names = "--offset", required = true, paramLabel = "DURATION", description = "From real time, such as -90s or +500ms; 0 resets.") String offset;
        @Mixin LabTarget target;

        @Override public Integer call() throws Exception {
            return LabTarget.run(() -> {
                Duration d = ClockOffset.parse(offset);
                Opened o = open(target, false);
                o.faults().clock(o.faults().node(id), d);
                System.out.println("clock of " + id + (d.isZero() ? " reset to real time" : " set to real time " + ClockOffset.text(d))
                        + " (the node sees it within about 3 s)");
                printInForce(o.file());
                return 0;
            });
        }
    }
}
