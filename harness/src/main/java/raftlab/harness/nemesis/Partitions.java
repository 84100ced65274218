package raftlab.harness.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.Grudge;

/** Jepsen's partition shapes, as grudges. Node lists are shuffled with the nemesis's random stream. */
public final class Partitions {
    private Partitions() {}

    public static List<String> shuffled(List<String> nodes, RandomGenerator random) {
        List<String> copy = new ArrayList<>(nodes);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }

    /** Two random halves (the smaller has floor(n/2) nodes). */
    public static Grudge halves(List<String> nodes, RandomGenerator random) {
        List<String> s = shuffled(nodes, random);
        int cut = s.size() / 2;
        return Grudge.components(List.of(new TreeSet<>(s.subList(0, cut)), new TreeSet<>(s.subList(cut, s.size()))));
    }

    /** One node cut off from all others. */
    public static Grudge isolate(List<String> nodes, String node) {
        TreeSet<String> rest = new TreeSet<>(nodes);
        rest.remove(node);
        return Grudge.components(List.of(Set.of(node), rest));
    }

    /**
     * Every node sees a majority, but no two adjacent nodes of the ring see the same majority:
     * on a shuffled ring each node hears only from its neighbours within distance (n/2)/2... here
     * within distance floor((majority-1)/2) on each side plus, for even spans, the next clockwise.
     */
    public static Grudge majoritiesRing(List<String> nodes, RandomGenerator random) {
        List<String> ring = shuffled(nodes, random);
        int n = ring.size();
        int majority = n / 2 + 1;
        int others = majority - 1;
        TreeMap<String, TreeSet<String>> drops = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            TreeSet<String> visible = new TreeSet<>();
            visible.add(ring.get(i));
            for (int d = 1; visible.size() < majority && d < n; d++) {
                visible.add(ring.get((i + d) % n));
                if (visible.size() < majority) visible.add(ring.get(((i - d) % n + n) % n));
            }
            TreeSet<String> drop = new TreeSet<>(nodes);
            drop.removeAll(visible);
            drops.put(ring.get(i), drop);
        }
        if (others <= 0) return halves(nodes, random);
        // Links must be cut both ways so that i not hearing j also means j not hearing i.
        for (String a : nodes) for (String b : drops.get(a)) drops.get(b).add(a);
        return Grudge.of(drops);
    }

    /** Two halves with one node in the middle that both sides can reach. */
    public static Grudge bridge(List<String> nodes, RandomGenerator random) {
        List<String> s = shuffled(nodes, random);
        int half = (s.size() - 1) / 2;
        TreeSet<String> a = new TreeSet<>(s.subList(0, half));
        TreeSet<String> b = new TreeSet<>(s.subList(half + 1, s.size()));
        TreeMap<String, TreeSet<String>> drops = new TreeMap<>();
        for (String x : a) drops.put(x, b);
        for (String x : b) drops.put(x, a);
        drops.put(s.get(half), new TreeSet<>());
        return Grudge.of(drops);
    }
}
