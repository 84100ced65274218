package raftlab.raft;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks Raft's safety properties over a TestCluster as it runs; throws AssertionError naming the numbers. */
final class SafetyChecker {
    private final TreeMap<Long, NodeId> leaderOfTerm = new TreeMap<>();
    private final TreeMap<Long, Entry> committed = new TreeMap<>();
    private final TreeMap<Long, Entry> appliedAt = new TreeMap<>();
    private final TreeMap<NodeId, Integer> appliedSeen = new TreeMap<>();
    private final TreeMap<NodeId, Long> lastCommit = new TreeMap<>();
    private final TreeMap<NodeId, Integer> generation = new TreeMap<>();

    void check(TestCluster c) {
        for (Map.Entry<NodeId, RaftServer> e : c.servers.entrySet()) {
            NodeId id = e.getKey();
            RaftServer s = e.getValue();
            if (s.isLeader()) {
                NodeId previous = leaderOfTerm.putIfAbsent(s.term(), id);
                if (previous != null && !previous.equals(id)) {
                    throw new AssertionError("election safety: " + previous + " and " + id + " both led term " + s.term());
                }
            }
            int gen = c.generation.getOrDefault(id, 0);
            if (!Integer.valueOf(gen).equals(generation.put(id, gen))) lastCommit.remove(id);
            if (!c.down.contains(id)) {
                Long before = lastCommit.get(id);
                if (before != null && s.commitIndex() < before) {
                    throw new AssertionError(id + " commit index went back from " + before + " to " + s.commitIndex());
                }
                lastCommit.put(id, s.commitIndex());
            }
            for (long i = Math.max(1, s.snapshotIndex() + 1); i <= s.commitIndex() && i <= s.lastIndex(); i++) {
                Entry entry = s.entryAt(i);
                Entry known = committed.putIfAbsent(i, entry);
                if (known != null && !known.equals(entry)) {
                    throw new AssertionError("committed entry " + i + " changed: was " + known + ", " + id + " has " + entry);
                }
            }
            List<Entry> applied = c.applied.get(id);
            for (int k = appliedSeen.getOrDefault(id, 0); k < applied.size(); k++) {
                Entry entry = applied.get(k);
                Entry known = appliedAt.putIfAbsent(entry.index(), entry);
                if (known != null && !known.equals(entry)) {
                    throw new AssertionError("state machine safety: " + id + " applied " + entry + " at " + entry.index() + " where another applied " + known);
                }
            }
            appliedSeen.put(id, applied.size());
        }
        checkLogMatching(c);
    }

    /** If two logs hold an entry with the same index and term, they are identical up to it. */
    private void checkLogMatching(TestCluster c) {
        List<RaftServer> all = List.copyOf(c.servers.values());
        for (int a = 0; a < all.size(); a++) {
            for (int b = a + 1; b < all.size(); b++) {
                RaftServer x = all.get(a);
                RaftServer y = all.get(b);
                long from = Math.max(x.snapshotIndex(), y.snapshotIndex()) + 1;
                long to = Math.min(x.lastIndex(), y.lastIndex());
                boolean matched = false;
                for (long i = to; i >= from; i--) {
                    Entry ex = x.entryAt(i);
                    Entry ey = y.entryAt(i);
                    if (matched) {
                        if (!ex.equals(ey)) throw new AssertionError("log matching: " + x.id() + " and " + y.id() + " agree on a later entry but differ at " + i + ": " + ex + " vs " + ey);
                    } else if (ex.term() == ey.term()) {
                        matched = true;
                        if (!ex.equals(ey)) throw new AssertionError("log matching: same index and term, different entries at " + i + ": " + ex + " vs " + ey);
                    }
                }
            }
        }
    }

    int committedCount() { return committed.size(); }
}
