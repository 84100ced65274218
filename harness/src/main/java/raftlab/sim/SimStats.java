package raftlab.sim;

/**
 * Counters of one run.
 *
 * @param events            events taken off the queue
 * @param simulatedMicros   virtual time at the end
 * @param wallNanos         wall time the run took
 * @param cpuNanos          CPU time of the thread that ran it (the honest measure on a shared machine; -1 if unknown)
 * @param elections         leaders elected (distinct terms that had a leader)
 * @param campaigns         times a node became a candidate
 * @param messagesSent      messages the nodes sent
 * @param messagesDelivered messages that reached a running node
 * @param messagesDropped   lost to drops, partitions or dead nodes
 * @param messagesDuplicated extra copies delivered
 * @param crashes           nodes killed
 * @param restarts          nodes restarted
 * @param pauses            nodes paused
 * @param partitions        partitions started
 * @param opsOk             client operations that completed :ok
 * @param opsFail           ... :fail
 * @param opsInfo           ... :info
 */
public record SimStats(long events, long simulatedMicros, long wallNanos, long cpuNanos, long elections, long campaigns,
                       long messagesSent, long messagesDelivered, long messagesDropped, long messagesDuplicated,
                       long crashes, long restarts, long pauses, long partitions, long opsOk, long opsFail, long opsInfo) {
    /** Events per second of wall time. */
    public double eventsPerSecond() { return wallNanos == 0 ? 0 : events * 1e9 / wallNanos; }

    /** Events per second of this thread's CPU time, which other processes on the machine do not dilute. */
    public double eventsPerCpuSecond() { return cpuNanos <= 0 ? 0 : events * 1e9 / cpuNanos; }
}
