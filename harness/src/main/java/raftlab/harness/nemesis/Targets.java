package raftlab.harness.nemesis;

import java.util.List;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;

/** Whom a fault hits, as Jepsen's db nemeses choose: one node, the leader, a minority, a majority or all. */
final class Targets {
    private Targets() {}

    static List<String> pick(LabControl lab, RandomGenerator random) {
        List<String> ids = lab.ids();
        List<String> shuffled = Partitions.shuffled(ids, random);
        int n = ids.size();
        return switch (random.nextInt(5)) {
            case 0 -> List.of(shuffled.get(0));
            case 1 -> List.of(leaderOrRandom(lab, random));
            case 2 -> List.copyOf(shuffled.subList(0, Math.max(1, (n - 1) / 2)));
            case 3 -> List.copyOf(shuffled.subList(0, n / 2 + 1));
            default -> List.copyOf(ids);
        };
    }

    /** The leader, or a node at random when none is known (a fault aimed at the leader still happens). */
    static String leaderOrRandom(LabControl lab, RandomGenerator random) {
        return lab.leader().orElseGet(() -> lab.ids().get(random.nextInt(lab.ids().size())));
    }
}
