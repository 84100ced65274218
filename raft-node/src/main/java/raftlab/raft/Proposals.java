package raftlab.raft;

import java.util.ArrayDeque;

/**
 * Requests a leader appended and has not answered yet, in log order. Each is answered when its
 * entry is applied, with the state machine's outcome if the entry at that index is still the one
 * we appended (same term), and Unknown otherwise, on timeout, or when leadership is lost.
 */
final class Proposals {
    private record Pending(long index, long term, long requestId, long deadline, boolean admin) {}

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Outbox out;

    Proposals(Outbox out) { this.out = out; }

    void add(long index, long term, long requestId, long deadline, boolean admin) {
        pending.addLast(new Pending(index, term, requestId, deadline, admin));
    }

    void onApplied(Entry entry, Outcome outcome) {
        while (!pending.isEmpty() && pending.peekFirst().index() <= entry.index()) {
            Pending p = pending.pollFirst();
            if (p.index() == entry.index() && p.term() == entry.term()) {
                out.reply(p.requestId(), p.admin() || outcome == null ? new Outcome.Ok(null) : outcome);
            } else {
                out.reply(p.requestId(), new Outcome.Unknown("entry " + p.index() + " of term " + p.term() + " was replaced"));
            }
        }
    }

    /** Answers Unknown to every request whose deadline (a tick) has passed; deadlines rise with log order. */
    void expire(long now) {
        while (!pending.isEmpty() && pending.peekFirst().deadline() <= now) {
            Pending p = pending.pollFirst();
            out.reply(p.requestId(), new Outcome.Unknown("entry " + p.index() + " was not committed in time"));
        }
    }

    void failAll(String reason) {
        while (!pending.isEmpty()) out.reply(pending.pollFirst().requestId(), new Outcome.Unknown(reason));
    }

    int size() { return pending.size(); }
}
