package raftlab.harness.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import raftlab.harness.nemesis.Partitions;

/**
 * Whom a fault hits, as a schedule names it: a role resolved when the fault starts ({@code :leader}, {@code :one},
 * {@code :minority}, {@code :majority}, {@code :all}), or nodes by name. A role is resolved in the lab the schedule
 * runs in, from the nemesis's random stream and that lab's view of the leader; the history records what it became.
 */
public sealed interface Target {
    /** As written in a schedule: {@code :leader} or {@code [n1 n3]}. */
    String edn();

    /** The nodes this target is now. */
    List<String> resolve(List<String> ids, RandomGenerator random, Supplier<Optional<String>> leader);

    /** A role; {@link #ROLES} lists them in the order a drawn schedule picks from. */
    record Role(String name) implements Target {
        public Role {
            if (!ROLES.contains(name)) {
                throw new IllegalArgumentException("unknown target :" + name + "; use :" + String.join(", :", ROLES) + " or a vector of nodes such as [n1 n2]");
            }
        }

        @Override public String edn() { return ":" + name; }

        @Override public List<String> resolve(List<String> ids, RandomGenerator random, Supplier<Optional<String>> leader) {
            int n = ids.size();
            return switch (name) {
                case "one" -> List.of(ids.get(random.nextInt(n)));
                case "leader" -> List.of(leaderOrRandom(ids, random, leader));
                case "minority" -> List.copyOf(Partitions.shuffled(ids, random).subList(0, Math.max(1, (n - 1) / 2)));
                case "majority" -> List.copyOf(Partitions.shuffled(ids, random).subList(0, n / 2 + 1));
                default -> List.copyOf(ids);
            };
        }
    }

    /** Nodes by name; each must be in the cluster the schedule runs on. */
    record Nodes(List<String> ids) implements Target {
        public Nodes {
            if (ids.isEmpty()) throw new IllegalArgumentException("an empty vector of target nodes hits nobody; name at least one node");
            ids = List.copyOf(ids);
        }

        @Override public String edn() { return "[" + String.join(" ", ids) + "]"; }

        @Override public List<String> resolve(List<String> cluster, RandomGenerator random, Supplier<Optional<String>> leader) {
            checkIn(cluster);
            return ids;
        }

        /** Refuses names the cluster lacks (one sentence). */
        public void checkIn(List<String> cluster) {
            List<String> unknown = new ArrayList<>(ids);
            unknown.removeAll(cluster);
            if (!unknown.isEmpty()) throw new IllegalArgumentException("the schedule names " + unknown + ", which the cluster " + cluster + " does not have");
        }
    }

    List<String> ROLES = List.of("one", "leader", "minority", "majority", "all");

    Role ONE = new Role("one");
    Role LEADER = new Role("leader");

    /** The leader, or a node at random when none is known (a fault aimed at the leader still happens, and says so). */
    static String leaderOrRandom(List<String> ids, RandomGenerator random, Supplier<Optional<String>> leader) {
        return leader.get().filter(ids::contains).orElseGet(() -> ids.get(random.nextInt(ids.size())));
    }
}
