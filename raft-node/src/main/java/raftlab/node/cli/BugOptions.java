package raftlab.node.cli;

import picocli.CommandLine.Option;
import raftlab.raft.Bugs;

/** The bug switches, each breaking one promise of the node on purpose (see DESIGN.md). */
public final class BugOptions {
    @Option(names = "--bug-stale-reads", description = "Serve reads from local state without confirming leadership (breaks linearizable reads).")
    boolean staleReads;

    @Option(names = "--bug-lease-wall-clock", description = "Time read leases on the wall clock instead of the monotonic clock (clock jumps break reads).")
    boolean leaseWallClock;

    @Option(names = "--bug-no-fsync", description = "Acknowledge entries while still in memory, writing them about once a second (kill -9 loses acknowledged writes).")
    boolean noFsync;

    @Option(names = "--bug-forget-vote", description = "Do not persist the vote (a restarted node may vote twice in one term).")
    boolean forgetVote;

    @Option(names = "--bug-commit-old-term", description = "Commit entries of earlier terms by counting replicas (Raft figure 8).")
    boolean commitOldTerm;

    @Option(names = "--bug-ack-on-append", description = "Acknowledge a write when the leader appends it, before it commits.")
    boolean ackOnAppend;

    public Bugs toBugs() { return new Bugs(staleReads, leaseWallClock, noFsync, forgetVote, commitOldTerm, ackOnAppend); }
}
