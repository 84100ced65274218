package raftlab.sim.engine;

import raftlab.sim.SimStats;

/** Mutable counters of a run, frozen into {@link SimStats} at the end. */
final class Counters {
    long events;
    long elections;
    long campaigns;
    long messagesSent;
    long messagesDelivered;
    long messagesDropped;
    long messagesDuplicated;
    long crashes;
    long restarts;
    long pauses;
    long partitions;
    long opsOk;
    long opsFail;
    long opsInfo;

    SimStats freeze(long simulatedMicros, long wallNanos, long cpuNanos) {
        return new SimStats(events, simulatedMicros, wallNanos, cpuNanos, elections, campaigns, messagesSent, messagesDelivered,
                messagesDropped, messagesDuplicated, crashes, restarts, pauses, partitions, opsOk, opsFail, opsInfo);
    }
}
