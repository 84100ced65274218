package raftlab.harness.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.Grudge;
import raftlab.harness.nemesis.Partitions;

/**
 * A partition named before the cluster is known: one of Jepsen's shapes, drawn when the fault
 * starts, or an explicit grouping such as {@code n1,n2/n3,n4,n5}. The text of a shape is its name
 * in {@code --nemesis partition-NAME}, {@code raftlab lab partition NAME} and schedule files, and
 * {@link #parse} reads back exactly what {@link #text} writes.
 *
 * <p>{@link #resolve} is pure: the nodes, the random stream and the leader come in from outside,
 * so the same inputs always cut the same links.
 */
public sealed interface PartitionShape {

    /** The name as written on the command line and in schedules. */
    String text();

    /**
     * The links this shape cuts in a cluster of {@code nodes}.
     *
     * @param random draws the halves, the ring, the bridge and the lone node
     * @param leader the node believed to lead now, if any; {@link Leader} takes a random node without one and says so
     * @throws IllegalArgumentException when a grouping does not fit the cluster (one sentence)
     */
    Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader);

    /** What a shape became: the words the history records and the grudge the lab enforces. */
    record Resolved(String description, Grudge grudge) {}

    /** Two random halves; the smaller has floor(n/2) nodes, so the larger keeps a majority. Jepsen's {@code :majority}. */
    record Halves() implements PartitionShape {
        @Override public String text() { return "halves"; }

        @Override public Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader) {
            Grudge g = Partitions.halves(nodes, random);
            return new Resolved(text() + " " + GrudgeText.format(g), g);
        }
    }

    /** One random node cut off from all others. Jepsen's {@code :one}. */
    record One() implements PartitionShape {
        @Override public String text() { return "one"; }

        @Override public Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader) {
            String lone = nodes.get(random.nextInt(nodes.size()));
            Grudge g = Partitions.isolate(nodes, lone);
            return new Resolved(text() + " " + lone + " " + GrudgeText.format(g), g);
        }
    }

    /** The node that leads now cut off from all others. Jepsen's {@code :primaries}. */
    record Leader() implements PartitionShape {
        @Override public String text() { return "leader"; }

        @Override public Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader) {
            // A leader that is not in the cluster (a stale answer) counts as none.
            Optional<String> known = leader.filter(nodes::contains);
            String lone = known.orElseGet(() -> nodes.get(random.nextInt(nodes.size())));
            Grudge g = Partitions.isolate(nodes, lone);
            String who = known.isPresent() ? lone : lone + " (no leader known: a random node)";
            return new Resolved(text() + " " + who + " " + GrudgeText.format(g), g);
        }
    }

    /** Every node sees a majority, and no two nodes see the same one. Jepsen's {@code :majorities-ring}. */
    record Ring() implements PartitionShape {
        @Override public String text() { return "ring"; }

        @Override public Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader) {
            Grudge g = Partitions.majoritiesRing(nodes, random);
            return new Resolved(text() + " " + GrudgeText.format(g), g);
        }
    }

    /** Two halves and one node between them that both sides reach. Jepsen's bridge. */
    record Bridge() implements PartitionShape {
        @Override public String text() { return "bridge"; }

        @Override public Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader) {
            Grudge g = Partitions.bridge(nodes, random);
            return new Resolved(text() + " " + GrudgeText.format(g), g);
        }
    }

    /**
     * Exactly these groups: nodes in one group reach each other and nobody else. Every node of
     * the cluster must be in exactly one group, so that a typo cannot leave a node silently
     * connected to both sides.
     */
    record Groups(List<SortedSet<String>> groups) implements PartitionShape {
        public Groups {
            List<SortedSet<String>> copy = new ArrayList<>();
            for (SortedSet<String> group : groups) copy.add(java.util.Collections.unmodifiableSortedSet(new TreeSet<>(group)));
            groups = List.copyOf(copy);
        }

        @Override public String text() {
            List<String> parts = new ArrayList<>();
            for (SortedSet<String> group : groups) parts.add(String.join(",", group));
            return String.join("/", parts);
        }

        @Override public Resolved resolve(List<String> nodes, RandomGenerator random, Optional<String> leader) {
            checkFits(nodes);
            // The groups say it all: the description is the shape itself.
            return new Resolved(text(), Grudge.components(groups));
        }

        /** Refuses a grouping that names a node the cluster lacks or leaves one of its nodes out. */
        public void checkFits(List<String> nodes) {
            TreeSet<String> named = new TreeSet<>();
            for (SortedSet<String> group : groups) named.addAll(group);
            TreeSet<String> unknown = new TreeSet<>(named);
            unknown.removeAll(nodes);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("the partition " + text() + " names " + String.join(", ", unknown)
                        + ", which the cluster does not have; its nodes are " + String.join(", ", nodes));
            }
            TreeSet<String> missing = new TreeSet<>(nodes);
            missing.removeAll(named);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the partition " + text() + " leaves out " + String.join(", ", missing)
                        + "; put every node in one group");
            }
        }
    }

    /** The named shapes, in the order the {@code partition} nemesis has always drawn them from. */
    List<PartitionShape> NAMED = List.of(new Halves(), new One(), new Leader(), new Ring(), new Bridge());

    /**
     * Reads a shape: {@code halves}, {@code one}, {@code leader}, {@code ring}, {@code bridge}, or
     * groups of node names, the nodes of a group joined by commas and the groups by slashes.
     *
     * @throws IllegalArgumentException with one sentence saying what is accepted
     */
    static PartitionShape parse(String text) {
        String t = text.trim();
        for (PartitionShape shape : NAMED) if (shape.text().equals(t)) return shape;
        if (!t.contains("/") && t.contains(",")) {
            throw new IllegalArgumentException("bad partition " + t + ": one group cuts nothing; separate the groups with a slash, such as n1,n2/n3,n4,n5");
        }
        if (!t.contains("/")) {
            throw new IllegalArgumentException("unknown partition " + (t.isEmpty() ? "(empty)" : t)
                    + "; use halves, one, leader, ring, bridge, or groups of nodes such as n1,n2/n3,n4,n5");
        }
        List<SortedSet<String>> groups = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (String part : t.split("/", -1)) {
            TreeSet<String> group = new TreeSet<>();
            for (String name : part.split(",", -1)) {
                String node = name.trim();
                if (!node.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                    throw new IllegalArgumentException("bad partition " + t + ": " + (node.isEmpty() ? "an empty node name" : "'" + node + "' is not a node name")
                            + "; write groups of node names such as n1,n2/n3,n4,n5");
                }
                if (!seen.add(node)) throw new IllegalArgumentException("bad partition " + t + ": " + node + " is named twice; put each node in one group");
                group.add(node);
            }
            groups.add(group);
        }
        return new Groups(groups);
    }
}
