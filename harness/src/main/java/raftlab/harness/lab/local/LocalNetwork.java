package raftlab.harness.lab.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import raftlab.harness.lab.LabException;

/**
 * The namespaces, bridge, veth pairs and iptables chains of a local lab. Everything is made
 * directly inside namespaces of the lab (veth ends are created in their target namespaces), so the
 * namespace this runs in, the host's, never gets an address or route of the lab's subnet; and
 * deleting the namespaces removes every link and rule with them.
 */
public final class LocalNetwork {
    private static final Logger LOG = Logger.getLogger(LocalNetwork.class.getName());
    /** The chain partitions go into; flushing it heals. */
    public static final String PARTITION_CHAIN = "RAFTLAB-PART";
    /** The chain packet loss goes into. */
    public static final String LOSS_CHAIN = "RAFTLAB-LOSS";

    private final LocalLayout layout;

    public LocalNetwork(LocalLayout layout) { this.layout = layout; }

    /** Builds the network from nothing (removing leftovers of this prefix first). */
    public void up() {
        down();
        try {
            Files.createDirectories(layout.dir());
            Properties state = new Properties();
            state.setProperty("prefix", layout.prefix());
            state.setProperty("subnet", layout.subnet());
            state.setProperty("nodeCount", Integer.toString(layout.nodeCount()));
            try (var out = Files.newOutputStream(layout.stateFile())) {
                state.store(out, "raftlab local lab: what lab down removes");
            }
        } catch (IOException e) {
            throw new LabException("could not write the lab's state in " + layout.dir() + ": " + e.getMessage(), e);
        }
        String ctl = layout.controlNamespace();
        Shell.must(List.of("ip", "netns", "add", ctl), "create namespace " + ctl);
        Shell.must(List.of("ip", "-n", ctl, "link", "set", "lo", "up"), "bring up lo in " + ctl);
        Shell.must(List.of("ip", "-n", ctl, "link", "add", layout.bridge(), "type", "bridge"), "create the lab bridge");
        Shell.must(List.of("ip", "-n", ctl, "link", "set", layout.bridge(), "up"), "bring up the lab bridge");
        Shell.must(List.of("ip", "-n", ctl, "addr", "add", layout.controlAddress() + "/24", "dev", layout.bridge()), "address the lab bridge");
        for (int i = 1; i <= layout.nodeCount(); i++) {
            String ns = layout.namespace(i);
            Shell.must(List.of("ip", "netns", "add", ns), "create namespace " + ns);
            Shell.must(List.of("ip", "-n", ns, "link", "set", "lo", "up"), "bring up lo in " + ns);
            Shell.must(List.of("ip", "link", "add", layout.vethControlEnd(i), "netns", ctl, "type", "veth",
                    "peer", "name", "eth0", "netns", ns), "create the veth pair of " + ns);
            Shell.must(List.of("ip", "-n", ctl, "link", "set", layout.vethControlEnd(i), "master", layout.bridge(), "up"), "attach " + ns + " to the bridge");
            Shell.must(List.of("ip", "-n", ns, "addr", "add", layout.address(i) + "/24", "dev", "eth0"), "address " + ns);
            Shell.must(List.of("ip", "-n", ns, "link", "set", "eth0", "up"), "bring up eth0 in " + ns);
            for (String chain : List.of(PARTITION_CHAIN, LOSS_CHAIN)) {
                Shell.must(List.of("ip", "netns", "exec", ns, "iptables", "-w", "-N", chain), "create iptables chain " + chain + " in " + ns);
                Shell.must(List.of("ip", "netns", "exec", ns, "iptables", "-w", "-A", "INPUT", "-j", chain), "hook chain " + chain + " in " + ns);
            }
        }
        LOG.info(() -> "lab network up: " + layout.nodeCount() + " namespaces " + layout.namespace(1) + ".. and " + ctl + " on " + layout.cidr());
    }

    /** True when the control namespace exists (the lab is up or half built). */
    public boolean exists() { return namespaces().contains(layout.controlNamespace()); }

    /** The namespaces of this lab that exist now: the control one and {@code <prefix><digits>}. */
    public List<String> namespaces() {
        Shell.Result list = Shell.run(List.of("ip", "netns", "list"));
        List<String> ours = new ArrayList<>();
        if (!list.ok()) return ours;
        for (String line : list.output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (name.isEmpty()) continue;
            if (name.equals(layout.controlNamespace()) || name.matches(java.util.regex.Pattern.quote(layout.prefix()) + "\\d{1,3}")) ours.add(name);
        }
        return ours;
    }

    /** Deletes every namespace of this lab, which takes the bridge, veths and rules with it. Idempotent. */
    public List<String> down() {
        List<String> removed = new ArrayList<>();
        for (String ns : namespaces()) {
            Shell.Result r = Shell.run(List.of("ip", "netns", "del", ns));
            if (r.ok()) removed.add(ns);
            else LOG.warning("could not delete namespace " + ns + ": " + r.output());
        }
        return removed;
    }

    /** Replaces the partition rules of one namespace: drop everything arriving from these addresses. */
    public void setPartition(String namespace, List<String> dropFromAddresses) {
        List<String> script = new ArrayList<>();
        script.add("*filter");
        script.add("-F " + PARTITION_CHAIN);
        for (String address : dropFromAddresses) script.add("-A " + PARTITION_CHAIN + " -s " + address + "/32 -j DROP");
        script.add("COMMIT");
        restore(namespace, script);
    }

    /** Drops this fraction of the packets arriving from other nodes (not from the control namespace). */
    public void setLoss(String namespace, double fraction) {
        List<String> script = new ArrayList<>();
        script.add("*filter");
        script.add("-F " + LOSS_CHAIN);
        if (fraction > 0) {
            script.add("-A " + LOSS_CHAIN + " -s " + layout.controlAddress() + "/32 -j RETURN");
            script.add("-A " + LOSS_CHAIN + " -s " + layout.cidr() + " -m statistic --mode random --probability "
                    + String.format(java.util.Locale.ROOT, "%.4f", fraction) + " -j DROP");
        }
        script.add("COMMIT");
        restore(namespace, script);
    }

    /** One iptables-restore per namespace and change, so a partition lands in one step rather than rule by rule. */
    private static void restore(String namespace, List<String> script) {
        try {
            java.nio.file.Path file = Files.createTempFile("raftlab-rules", ".txt");
            try {
                Files.write(file, script);
                Shell.must(List.of("ip", "netns", "exec", namespace, "iptables-restore", "-w", "--noflush", file.toString()),
                        "set iptables rules in " + namespace);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new LabException("could not write iptables rules for " + namespace + ": " + e.getMessage(), e);
        }
    }
}
