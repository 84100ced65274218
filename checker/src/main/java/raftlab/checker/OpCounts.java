package raftlab.checker;

/** How client operations completed; an invocation that never completed counts as info. */
public record OpCounts(long ok, long fail, long info) {
    public long total() { return ok + fail + info; }
}
