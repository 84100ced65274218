package raftlab.harness.nemesis;

import java.util.random.RandomGenerator;
import raftlab.harness.lab.LabControl;
import raftlab.harness.schedule.FaultSpec;

/**
 * One kind of fault, the same in every lab: what it does ({@link #start}), how it heals ({@link #stop}),
 * and what it records in the history (what each returns, the value of the nemesis operation's completion:
 * the nodes "the leader" or "a minority" resolved to). The lab only executes, through {@link LabControl}.
 * A fault remembers what it has in force, so that a stop or the final heal undoes exactly that.
 */
public interface Fault {
    FaultKind kind();

    /**
     * Injects the fault the schedule's entry describes (a spec of this fault's kind); a role or a random shape is
     * resolved with {@code random} (the nemesis's own stream) and the lab's view of the leader.
     */
    Object start(LabControl lab, RandomGenerator random, FaultSpec spec);

    /** Undoes what {@link #start} put in force; nothing when nothing is. */
    Object stop(LabControl lab);

    /** What this fault has in force now, for the live status line; empty when nothing. */
    String inForce();
}
