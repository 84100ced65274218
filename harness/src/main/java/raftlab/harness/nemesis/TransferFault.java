package raftlab.harness.nemesis;

import java.util.List;
import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;

/** Asks the leader to hand leadership to another node (TimeoutNow); nothing stays in force to heal. */
final class TransferFault implements Fault {
    @Override public FaultKind kind() { return FaultKind.TRANSFER; }

    @Override public Object start(LabControl lab, RandomGenerator random, FaultSpec spec) {
        var leader = lab.leader();
        if (leader.isEmpty()) return "no leader; nothing transferred";
        List<String> ids = lab.ids();
        int at = ids.indexOf(leader.get());
        String target = ids.get((at + 1 + random.nextInt(ids.size() - 1)) % ids.size());
        return leader.get() + " -> " + target + ": " + lab.transferLeadership(leader.get(), target);
    }

    @Override public Object stop(LabControl lab) { return "nothing to undo"; }

    @Override public String inForce() { return ""; }
}
