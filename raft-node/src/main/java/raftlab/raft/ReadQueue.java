package raftlab.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * A leader's linearizable reads on their way: waiting for the leader's first commit of its term,
 * waiting to be sent in a heartbeat round, waiting for a quorum to acknowledge that round, and
 * waiting for the state machine to apply up to their read index.
 */
final class ReadQueue {
    static final class Read {
        final long requestId;
        final String key;
        final long deadline;
        long context;
        long readIndex;

        Read(long requestId, String key, long deadline) {
            this.requestId = requestId;
            this.key = key;
            this.deadline = deadline;
        }
    }

    final ArrayList<Read> awaitingTermCommit = new ArrayList<>();
    final ArrayList<Read> unsent = new ArrayList<>();
    final ArrayDeque<Read> inRound = new ArrayDeque<>();
    final ArrayDeque<Read> confirmed = new ArrayDeque<>();

    boolean isEmpty() { return awaitingTermCommit.isEmpty() && unsent.isEmpty() && inRound.isEmpty() && confirmed.isEmpty(); }

    /** Moves reads whose round a quorum acknowledged (context at or below {@code quorumContext}) to confirmed. */
    void confirmUpTo(long quorumContext) {
        while (!inRound.isEmpty() && inRound.peekFirst().context <= quorumContext) confirmed.addLast(inRound.pollFirst());
    }

    void answer(long applied, raftlab.raft.kv.KvStateMachine kv, Outbox out) {
        while (!confirmed.isEmpty() && confirmed.peekFirst().readIndex <= applied) {
            Read read = confirmed.pollFirst();
            out.reply(read.requestId, new Outcome.Ok(kv.get(read.key)));
        }
    }

    void expire(long now, Outbox out) {
        expire(awaitingTermCommit.iterator(), now, out);
        expire(unsent.iterator(), now, out);
        expire(inRound.iterator(), now, out);
        expire(confirmed.iterator(), now, out);
    }

    private static void expire(Iterator<Read> reads, long now, Outbox out) {
        while (reads.hasNext()) {
            Read read = reads.next();
            if (read.deadline <= now) {
                reads.remove();
                out.reply(read.requestId, new Outcome.Unknown("read not confirmed in time"));
            }
        }
    }

    /** Leadership was lost: reads have no effect, so refusing them is a definite answer. */
    void refuseAll(NodeId leaderHint, Outbox out) {
        refuse(awaitingTermCommit, leaderHint, out);
        refuse(unsent, leaderHint, out);
        refuse(inRound, leaderHint, out);
        refuse(confirmed, leaderHint, out);
    }

    private static void refuse(java.util.Collection<Read> reads, NodeId leaderHint, Outbox out) {
        for (Read read : reads) out.reply(read.requestId, new Outcome.NotLeader(leaderHint));
        reads.clear();
    }
}
