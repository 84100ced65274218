package raftlab.harness.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import raftlab.harness.lab.Grudge;

/**
 * A grudge in words a person can check against the nodes: as groups ({@code n1,n2/n3,n4,n5})
 * when it is a clean cut into groups, otherwise as who drops whom
 * ({@code n1 drops n3,n4; n2 drops n4,n5}), and back again for the lab's state file.
 */
public final class GrudgeText {
    private GrudgeText() {}

    public static String format(Grudge grudge) {
        if (grudge.isEmpty()) return "none";
        List<TreeSet<String>> groups = groups(grudge);
        if (groups != null) {
            List<String> parts = new ArrayList<>();
            for (TreeSet<String> group : groups) parts.add(String.join(",", group));
            return String.join("/", parts);
        }
        return dropsText(grudge);
    }

    /** Every node that drops something, as {@code n1 drops n3,n4; n2 drops n5}. */
    public static String dropsText(Grudge grudge) {
        List<String> parts = new ArrayList<>();
        grudge.drops().forEach((node, from) -> {
            if (!from.isEmpty()) parts.add(node + " drops " + String.join(",", from));
        });
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /** Reads {@link #dropsText} back ({@code none} is the empty grudge). */
    public static Grudge parseDrops(String text) {
        TreeMap<String, SortedSet<String>> drops = new TreeMap<>();
        String t = text.trim();
        if (t.isEmpty() || t.equals("none")) return new Grudge(drops);
        for (String part : t.split(";")) {
            String[] words = part.trim().split(" drops ", 2);
            if (words.length != 2 || words[0].isBlank() || words[1].isBlank()) {
                throw new IllegalArgumentException("cannot read the partition '" + part.trim() + "'; expected 'n1 drops n3,n4'");
            }
            TreeSet<String> from = new TreeSet<>();
            for (String node : words[1].split(",")) from.add(node.trim());
            drops.put(words[0].trim(), from);
        }
        return new Grudge(drops);
    }

    /**
     * The groups, when the grudge cuts the nodes into groups whose members all reach each other and
     * reach nobody outside, both ways; null for anything else (a ring, a bridge, a one-way cut).
     */
    static List<TreeSet<String>> groups(Grudge grudge) {
        TreeSet<String> nodes = new TreeSet<>(grudge.drops().keySet());
        grudge.drops().values().forEach(nodes::addAll);
        List<TreeSet<String>> groups = new ArrayList<>();
        TreeSet<String> placed = new TreeSet<>();
        for (String node : nodes) {
            if (placed.contains(node)) continue;
            TreeSet<String> group = new TreeSet<>();
            for (String other : nodes) if (!grudge.dropsFrom(node).contains(other)) group.add(other);
            for (String member : group) {
                TreeSet<String> cut = new TreeSet<>(nodes);
                cut.removeAll(group);
                if (!grudge.dropsFrom(member).equals(cut)) return null;
            }
            placed.addAll(group);
            groups.add(group);
        }
        return groups;
    }
}
