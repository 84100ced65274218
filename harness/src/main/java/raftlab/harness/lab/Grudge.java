package raftlab.harness.lab;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A network partition as Jepsen describes it: for each node, the nodes whose packets it drops.
 * Sorted collections keep the description (and the recorded history) the same for the same seed.
 */
public record Grudge(SortedMap<String, SortedSet<String>> drops) {
    public Grudge {
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        drops.forEach((node, from) -> copy.put(node, Collections.unmodifiableSortedSet(new TreeSet<>(from))));
        drops = Collections.unmodifiableSortedMap(copy);
    }

    /** Cuts the nodes into components that cannot reach each other (every link between two components dropped both ways). */
    public static Grudge components(List<? extends Set<String>> components) {
        TreeMap<String, SortedSet<String>> drops = new TreeMap<>();
        for (Set<String> component : components) {
            for (String node : component) {
                TreeSet<String> from = new TreeSet<>();
                for (Set<String> other : components) if (other != component) from.addAll(other);
                drops.put(node, from);
            }
        }
        return new Grudge(drops);
    }

    public static Grudge of(Map<String, ? extends Set<String>> drops) {
        TreeMap<String, SortedSet<String>> copy = new TreeMap<>();
        drops.forEach((node, from) -> copy.put(node, new TreeSet<>(from)));
        return new Grudge(copy);
    }

    /** The nodes {@code node} drops packets from (empty when it drops none). */
    public SortedSet<String> dropsFrom(String node) { return drops.getOrDefault(node, Collections.emptySortedSet()); }

    public boolean isEmpty() { return drops.values().stream().allMatch(Set::isEmpty); }
}
