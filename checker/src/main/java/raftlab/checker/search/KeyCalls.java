package raftlab.checker.search;

import raftlab.checker.model.Call;
import raftlab.checker.model.Fate;

/**
 * One key's calls and the order of their events: {@code events} holds {@code 2*i} for the
 * invocation of call i and {@code 2*i+1} for its completion, in history order. A call that may or
 * may not have happened has no completion event.
 */
public record KeyCalls(Object key, Call[] calls, int[] events) {
    public boolean completed(int call) { return calls[call].fate() == Fate.COMPLETED; }

    public int size() { return calls.length; }
}
