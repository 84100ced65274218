package raftlab.raft;

import java.util.List;

/** What a server recovers from its disk at start: hard state, latest snapshot (nullable), and the log entries after it. */
public record PersistentState(HardState hardState, Snapshot snapshot, List<Entry> entries) {
    public static PersistentState empty() { return new PersistentState(HardState.INITIAL, null, List.of()); }
}
