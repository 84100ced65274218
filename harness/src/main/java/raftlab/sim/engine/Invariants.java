package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import raftlab.raft.Entry;
import raftlab.raft.Role;
import raftlab.raft.ServerReady;
import raftlab.raft.Snapshot;
import raftlab.sim.Violation.Invariant;

/**
 * Raft's safety properties, checked as the run goes. The maps here are only looked up, never iterated,
 * so their hash order cannot leak into a run.
 */
final class Invariants {
    /** The first entry seen at an (index, term), and the term of the entry before it in that log (-1: unknown). */
    private record Seen(Entry entry, long previousTerm, String node) {}

    private final World world;
    private final HashMap<Long, Integer> leaderOfTerm = new HashMap<>();
    /** By index: the entries seen there, one per term (rarely more than two). */
    private final ArrayList<Seen[]> entriesSeen = new ArrayList<>();
    /** The cluster's committed prefix: committed.get(i - 1) is the entry committed at index i. */
    private final ArrayList<Entry> committed = new ArrayList<>();
    /**
     * The term in which each committed entry became committed (the term of the first node seen with it committed).
     * Leader completeness is about those terms: a leader elected late for an older term need not hold entries that a
     * newer term's leader committed meanwhile.
     */
    private long[] commitTerms = new long[1024];

    Invariants(World world) { this.world = world; }

    long committedIndex() { return committed.size(); }

    /**
     * Before a ready's writes reach the node's disk: an entry the node holds that the cluster committed must never be
     * replaced. (A stale leader may append entries of its own where the cluster committed others; that is legal as
     * long as it never commits them, which {@link #afterStep} checks.)
     */
    void beforePersist(SimNode node, ServerReady ready) {
        List<Entry> entries = ready.entries();
        LogStore log = node.disk.view();
        long last = Math.min(log.lastIndex(), committed.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.index() > last) break;
            Entry old = log.entryAt(e.index());
            Entry c = committed.get((int) e.index() - 1);
            if (old != null && old.equals(c) && !c.equals(e)) {
                world.violation(Invariant.COMMITTED_PREFIX, node, "overwrote committed entry " + describe(c) + " with " + describe(e));
                return;
            }
        }
    }

    /** After a ready's writes reached the node's disk: log matching. */
    void afterPersist(SimNode node, ServerReady ready) {
        Snapshot snapshot = ready.snapshot();
        if (snapshot != null && snapshot.index() <= committed.size() && snapshot.index() > 0) {
            Entry c = committed.get((int) snapshot.index() - 1);
            if (c.term() != snapshot.term()) {
                world.violation(Invariant.COMMITTED_PREFIX, node, "installed a snapshot at index " + snapshot.index()
                        + " of term " + snapshot.term() + " but the entry committed there has term " + c.term());
                return;
            }
        }
        List<Entry> entries = ready.entries();
        if (entries.isEmpty()) return;
        LogStore log = node.disk.view();
        long previousTerm = log.termAt(entries.get(0).index() - 1);
        for (Entry e : entries) {
            Seen seen = seen(e);
            if (seen == null) {
                remember(new Seen(e, previousTerm, node.name));
            } else if (!seen.entry().equals(e)) {
                world.violation(Invariant.LOG_MATCHING, node, "holds " + describe(e) + " but " + seen.node()
                        + " holds a different entry with the same index and term: " + describe(seen.entry()));
                return;
            } else if (previousTerm >= 0 && seen.previousTerm() >= 0 && previousTerm != seen.previousTerm()) {
                world.violation(Invariant.LOG_MATCHING, node, "entry " + e.index() + " of term " + e.term()
                        + " follows an entry of term " + previousTerm + " here but one of term " + seen.previousTerm() + " on " + seen.node());
                return;
            }
            previousTerm = e.term();
        }
    }

    private Seen seen(Entry e) {
        if (e.index() > entriesSeen.size()) return null;
        Seen[] atIndex = entriesSeen.get((int) e.index() - 1);
        if (atIndex == null) return null;
        for (Seen s : atIndex) if (s.entry().term() == e.term()) return s;
        return null;
    }

    private void remember(Seen s) {
        int index = (int) s.entry().index();
        while (entriesSeen.size() < index) entriesSeen.add(null);
        Seen[] atIndex = entriesSeen.get(index - 1);
        if (atIndex == null) {
            entriesSeen.set(index - 1, new Seen[] {s});
        } else {
            Seen[] more = java.util.Arrays.copyOf(atIndex, atIndex.length + 1);
            more[atIndex.length] = s;
            entriesSeen.set(index - 1, more);
        }
    }

    /** After a node handled an input and all its readies: election safety, commit monotonicity, committed prefix, applied entries. */
    void afterStep(SimNode node) {
        SimServer server = node.server;
        Role role = server.role();
        long term = server.term();
        long commit = server.commitIndex();
        if (role == Role.LEADER && (node.lastRole != Role.LEADER || node.lastTerm != term)) {
            Integer previous = leaderOfTerm.putIfAbsent(term, node.index);
            if (previous == null) {
                world.stats.elections++;
                world.onLeaderElected(node, term);
                if (!checkLeaderCompleteness(node, term)) return;
            } else if (previous != node.index) {
                world.violation(Invariant.ELECTION_SAFETY, node, "became leader of term " + term + ", which already had leader n" + (previous + 1));
                return;
            }
        }
        if (role == Role.CANDIDATE && (node.lastRole != Role.CANDIDATE || node.lastTerm != term)) world.stats.campaigns++;
        node.lastRole = role;
        node.lastTerm = term;
        if (commit < node.lastCommit) {
            world.violation(Invariant.COMMIT_MONOTONIC, node, "commit index went back from " + node.lastCommit + " to " + commit);
            return;
        }
        if (commit > node.lastCommit) {
            boolean consistent = recordCommitted(node, commit);
            if (consistent && commit > Math.max(0, node.lastCommit)) world.onCommit(node, Math.max(0, node.lastCommit), commit);
            node.lastCommit = commit; // so that a run that keeps going reports a bad commit once, not at every step
            if (!consistent) return;
        }
        List<Entry> applied = node.appliedInStep;
        for (int i = 0; i < applied.size(); i++) {
            Entry e = applied.get(i);
            if (e.index() > commit) {
                world.violation(Invariant.STATE_MACHINE_SAFETY, node, "applied entry " + e.index() + " beyond its commit index " + commit);
                return;
            }
            if (e.index() <= committed.size()) {
                Entry c = committed.get((int) e.index() - 1);
                if (!c.equals(e)) {
                    world.violation(Invariant.STATE_MACHINE_SAFETY, node, "applied " + describe(e) + " where the cluster committed " + describe(c));
                    adopt(e);
                    return;
                }
            } else if (e.index() == committed.size() + 1) {
                addCommitted(e, node.lastTerm);
            }
        }
        applied.clear();
    }

    private boolean recordCommitted(SimNode node, long commit) {
        LogStore log = node.disk.view();
        long from = Math.max(Math.max(node.lastCommit, 0), log.snapshotIndex()) + 1;
        for (long i = from; i <= commit; i++) {
            Entry e = log.entryAt(i);
            if (e == null) {
                world.violation(Invariant.COMMITTED_PREFIX, node, "commit index " + commit + " is beyond its persisted log, which ends at " + log.lastIndex());
                return false;
            }
            if (i <= committed.size()) {
                Entry c = committed.get((int) i - 1);
                if (!c.equals(e)) {
                    world.violation(Invariant.COMMITTED_PREFIX, node, "committed " + describe(e) + " where the cluster had committed " + describe(c));
                    adopt(e);
                    return false;
                }
            } else if (i == committed.size() + 1) {
                addCommitted(e, node.server.term());
            }
        }
        return true;
    }

    /**
     * After a divergence in a run that keeps going, the newer history becomes the reference, so that one divergence is
     * reported once rather than at every later step.
     */
    private void adopt(Entry e) {
        int keep = (int) e.index() - 1;
        if (keep < committed.size()) committed.subList(keep, committed.size()).clear();
        addCommitted(e, Long.MAX_VALUE);
    }

    private void addCommitted(Entry e, long term) {
        if (committed.size() == commitTerms.length) commitTerms = java.util.Arrays.copyOf(commitTerms, commitTerms.length * 2);
        commitTerms[committed.size()] = term;
        committed.add(e);
    }

    private boolean checkLeaderCompleteness(SimNode node, long term) {
        LogStore log = node.disk.view();
        for (long i = Math.max(1, log.snapshotIndex() + 1); i <= committed.size(); i++) {
            Entry c = committed.get((int) i - 1);
            if (commitTerms[(int) i - 1] >= term) continue; // committed in this term or a later one: not owed to this leader
            if (log.termAt(i) != c.term()) {
                world.violation(Invariant.LEADER_COMPLETENESS, node, "became leader of term " + term + " without entry "
                        + describe(c) + ", committed in term " + commitTerms[(int) i - 1] + " (its log has term " + log.termAt(i) + " there and ends at " + log.lastIndex() + ")");
                return false;
            }
        }
        return true;
    }

    /** The newest committed entry must survive on a quorum: on running nodes' logs, or crashed nodes' disks. */
    void checkCommittedDurable(SimNode crashed) {
        if (committed.isEmpty()) return;
        Entry last = committed.get(committed.size() - 1);
        int holders = 0;
        SimNode[] nodes = world.nodes;
        for (SimNode n : nodes) {
            LogStore store = n.alive ? n.disk.view() : n.disk.durable();
            if (store.holds(last.index(), last.term())) holders++;
        }
        int quorum = nodes.length / 2 + 1;
        if (holders < quorum) {
            world.violation(Invariant.COMMITTED_ENTRY_LOST, crashed, "after this crash, committed entry " + describe(last)
                    + " survives on " + holders + " of " + nodes.length + " nodes, fewer than a quorum of " + quorum);
        }
    }

    static String describe(Entry e) {
        return "#" + e.index() + "@" + e.term() + " " + e.command();
    }
}
