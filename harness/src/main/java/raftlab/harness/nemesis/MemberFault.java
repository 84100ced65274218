package raftlab.harness.nemesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;

/** Removes a follower from the cluster through the leader's admin API; healed by adding it back. */
final class MemberFault implements Fault {
    private final TreeSet<String> removed = new TreeSet<>();

    @Override public FaultKind kind() { return FaultKind.MEMBER; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        Optional<String> leader = lab.leader();
        if (leader.isEmpty()) return "no leader; nothing removed";
        List<String> candidates = new ArrayList<>(lab.ids());
        candidates.removeAll(removed);
        candidates.remove(leader.get());
        if (candidates.isEmpty()) return "nothing to remove";
        String victim = candidates.get(random.nextInt(candidates.size()));
        int status = lab.removeMember(leader.get(), victim);
        if (status == 200) removed.add(victim);
        return "remove " + victim + " via " + leader.get() + ": " + (status < 0 ? "unreachable" : "http " + status);
    }

    @Override public Object stop(LabControl lab) {
        List<String> results = new ArrayList<>();
        for (String victim : new ArrayList<>(removed)) {
            Optional<String> leader = lab.leader();
            int status = leader.map(l -> lab.addMember(l, victim)).orElse(-1);
            if (status == 200) removed.remove(victim);
            results.add("add " + victim + ": " + (status < 0 ? "no leader" : "http " + status));
        }
        return results;
    }

    boolean anyRemoved() { return !removed.isEmpty(); }

    @Override public String inForce() { return removed.isEmpty() ? "" : "removed " + removed; }
}
