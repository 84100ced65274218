package raftlab.raft;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import raftlab.raft.Message.AppendEntries;
import raftlab.raft.Message.AppendResponse;
import raftlab.raft.Message.InstallSnapshot;
import raftlab.raft.Message.SnapshotResponse;
import raftlab.raft.Message.TimeoutNow;
import raftlab.raft.Message.VoteRequest;
import raftlab.raft.Message.VoteResponse;
import raftlab.raft.kv.KvStateMachine;

/**
 * The consensus state of one server: term, vote, role, log, commit and apply, elections and the
 * follower's side of replication. The leader's side lives in {@link Leader}, which exists only
 * while this server leads. Everything is driven by {@link #tick}, {@link #receive} and the
 * caller's {@link #persisted}; what to send, persist and answer accumulates in {@link #out}.
 */
final class RaftNode {
    final NodeId self;
    final RaftConfig config;
    final Bugs bugs;
    final boolean explain;
    /** Log-safety assertions are skipped when a bug that breaks log safety on purpose is on. */
    final boolean safetyBugs;
    final RaftLog log;
    final KvStateMachine kv;
    final Outbox out = new Outbox();
    private final RandomGenerator random;

    long term;
    NodeId votedFor;
    /**
     * Not 0 while this server rejoins after losing entries it may have acknowledged: it grants no votes and does
     * not campaign until a leader's log matches its own up to this index ({@link HardState#REJOIN_UNKNOWN}: up to
     * what the first leader to hear of it tells). Persisted with the hard state.
     */
    long rejoinIndex;
    NodeId leaderId;
    Role role = Role.FOLLOWER;
    long commit;
    long applied;
    /** Every configuration in the log after the snapshot, by index, plus the snapshot's own at its index. */
    final TreeMap<Long, Configuration> configs = new TreeMap<>();
    Configuration configuration;

    long now;
    long wallMillis;
    /** Wall-clock milliseconds per tick, measured once; only the leaseWallClock bug reads it. */
    long millisPerTick = 1;
    private int electionElapsed;
    private int electionTimeout;
    /** The tick we last heard from a leader (start counts: a restarted server must not vote at once). */
    private long lastLeaderContact;
    private final TreeSet<NodeId> votesGranted = new TreeSet<>();
    private final TreeSet<NodeId> votesRejected = new TreeSet<>();

    /** Non-null exactly while this server is the leader. */
    Leader leader;
    /** Rises with every heartbeat round of every term this server leads. */
    long readContext;
    Snapshot latestSnapshot;
    private Snapshot snapshotToPersist;
    private final IncomingSnapshot incoming = new IncomingSnapshot();
    private long emittedTerm;
    private NodeId emittedVote;
    private long emittedRejoin;

    RaftNode(NodeId self, RaftConfig config, RandomGenerator random, Bugs bugs, PersistentState restored) {
        if (config.electionTicksMin() < 2) throw new IllegalArgumentException("electionTicksMin must be at least 2, not " + config.electionTicksMin());
        if (config.heartbeatTicks() < 1) throw new IllegalArgumentException("heartbeatTicks must be at least 1, not " + config.heartbeatTicks());
        if (config.maxEntriesPerAppend() < 1) throw new IllegalArgumentException("maxEntriesPerAppend must be at least 1");
        if (config.snapshotChunkBytes() < 1) throw new IllegalArgumentException("snapshotChunkBytes must be at least 1");
        this.self = self;
        this.config = config;
        this.random = random;
        this.bugs = bugs;
        this.explain = config.explain();
        this.safetyBugs = bugs.has(Bug.FORGET_VOTE) || bugs.has(Bug.COMMIT_OLD_TERM) || bugs.has(Bug.NO_FSYNC);
        this.kv = new KvStateMachine(config.maxSessions());
        if (restored == null) restored = PersistentState.empty();
        Snapshot snapshot = restored.snapshot();
        if (snapshot != null) {
            kv.restore(snapshot.data());
            log = new RaftLog(snapshot.index(), snapshot.term());
            configs.put(snapshot.index(), snapshot.configuration());
            latestSnapshot = snapshot;
        } else {
            log = new RaftLog(0, 0);
            configs.put(0L, Configuration.ofVoters(config.initialVoters()));
        }
        for (Entry entry : restored.entries()) {
            if (entry.index() <= log.snapshotIndex()) continue;
            // Entries that do not continue the snapshot were left behind by a snapshot that replaced a conflicting log.
            if (entry.index() != log.lastIndex() + 1 || entry.term() < log.lastTerm()) break;
            log.append(entry);
            if (entry.command() instanceof Command.ConfigChange change) configs.put(entry.index(), change.configuration());
        }
        log.markAllPersisted();
        configuration = configs.lastEntry().getValue();
        HardState hardState = restored.hardState() == null ? HardState.INITIAL : restored.hardState();
        term = hardState.term();
        votedFor = hardState.votedFor();
        rejoinIndex = hardState.rejoinIndex();
        emittedTerm = term;
        emittedVote = votedFor;
        emittedRejoin = rejoinIndex;
        if (rejoinIndex != 0 && configuration.voters().equals(List.of(self))) {
            // No other server can hold what was lost, so waiting for one would only stop the cluster for good.
            rejoinIndex = 0;
        }
        commit = Math.max(log.snapshotIndex(), Math.min(hardState.commit(), log.lastIndex()));
        applied = log.snapshotIndex();
        resetElectionTimeout();
        // A restarted server ignores votes for a minimum election timeout, as if it had just heard from a leader: it
        // may have acknowledged one just before the crash, and a lease may count on it. The forget-vote bug, which
        // is about restarts, drops this too so that a restarted server can vote again at once.
        lastLeaderContact = bugs.has(Bug.FORGET_VOTE) ? -config.electionTicksMin() : 0;
    }

    // ---- time ----

    void tick(long wallClockMillis) {
        now++;
        if (now == 2) millisPerTick = Math.max(1, wallClockMillis - wallMillis);
        wallMillis = wallClockMillis;
        if (leader != null) {
            leader.tick();
            return;
        }
        electionElapsed++;
        if (electionElapsed >= electionTimeout) {
            electionElapsed = 0;
            if (promotable()) {
                if (explain) note(self + " heard from no leader for " + electionTimeout + " ticks and asks for pre-votes for term " + (term + 1));
                startPreVote();
            } else {
                resetElectionTimeout();
            }
        }
    }

    private void resetElectionTimeout() {
        electionTimeout = config.electionTicksMin() + random.nextInt(config.electionTicksMin());
    }

    /** Within the minimum election timeout of hearing from a leader (or of starting), votes are ignored. */
    private boolean inLease() {
        return role == Role.LEADER || now - lastLeaderContact < config.electionTicksMin();
    }

    // ---- messages ----

    void receive(Message m) {
        if (!self.equals(m.to())) return;
        if (m.term() > term) {
            if (m instanceof VoteRequest v) {
                if (!v.transfer() && inLease()) {
                    if (explain) note(self + " ignored " + (v.preVote() ? "pre-vote" : "vote") + " request of " + v.from() + " for term "
                            + v.term() + ": heard from leader " + leaderId + " " + (now - lastLeaderContact) + " ticks ago");
                    return;
                }
                if (!v.preVote()) becomeFollower(m.term(), null);
            } else if (m instanceof VoteResponse r && r.preVote() && r.granted()) {
                // A granted pre-vote carries the term the candidate is about to campaign in; ours does not change.
            } else {
                NodeId lead = (m instanceof AppendEntries || m instanceof InstallSnapshot) ? m.from() : null;
                becomeFollower(m.term(), lead);
            }
        } else if (m.term() < term) {
            if (m instanceof AppendEntries || m instanceof InstallSnapshot) {
                // A deposed leader learns our term from this and steps down.
                out.send(new AppendResponse(term, self, m.from(), false, 0, 0, 0, 0));
            } else if (m instanceof VoteRequest v && v.preVote()) {
                out.send(new VoteResponse(term, self, m.from(), true, false, "term " + v.term() + " is behind our term " + term));
            }
            return;
        }
        if (m instanceof VoteRequest v) onVoteRequest(v);
        else if (m instanceof VoteResponse r) onVoteResponse(r);
        else if (m instanceof AppendEntries a) onAppendEntries(a);
        else if (m instanceof AppendResponse r) { if (leader != null) leader.onAppendResponse(r); }
        else if (m instanceof InstallSnapshot s) onInstallSnapshot(s);
        else if (m instanceof SnapshotResponse r) { if (leader != null) leader.onSnapshotResponse(r); }
        else if (m instanceof TimeoutNow t) onTimeoutNow(t);
        else throw new IllegalArgumentException("unknown message " + m);
    }

    // ---- elections ----

    private void startPreVote() {
        role = Role.PRE_CANDIDATE;
        leaderId = null;
        votesGranted.clear();
        votesRejected.clear();
        resetElectionTimeout();
        votesGranted.add(self);
        if (hasQuorum(votesGranted)) {
            startElection(false);
            return;
        }
        for (NodeId voter : configuration.voters()) {
            if (!voter.equals(self)) out.send(new VoteRequest(term + 1, self, voter, log.lastIndex(), log.lastTerm(), true, false));
        }
    }

    void startElection(boolean transfer) {
        term++;
        votedFor = self;
        role = Role.CANDIDATE;
        leaderId = null;
        electionElapsed = 0;
        votesGranted.clear();
        votesRejected.clear();
        resetElectionTimeout();
        votesGranted.add(self);
        if (explain) note(self + " campaigns for term " + term + (transfer ? " (told TimeoutNow)" : "") + " with log ending at index "
                + log.lastIndex() + " term " + log.lastTerm());
        if (hasQuorum(votesGranted)) {
            becomeLeader();
            return;
        }
        for (NodeId voter : configuration.voters()) {
            if (!voter.equals(self)) out.send(new VoteRequest(term, self, voter, log.lastIndex(), log.lastTerm(), false, transfer));
        }
    }

    private void onVoteRequest(VoteRequest v) {
        boolean logOk = v.lastLogTerm() > log.lastTerm() || (v.lastLogTerm() == log.lastTerm() && v.lastLogIndex() >= log.lastIndex());
        String reason;
        boolean grant;
        if (rejoinIndex != 0) {
            grant = false;
            reason = self + " denied " + (v.preVote() ? "pre-vote" : "vote") + " to " + v.from() + " in term " + v.term()
                    + ": it is rejoining after losing entries it may have acknowledged, and votes again once a leader has replicated its log "
                    + (rejoinIndex == HardState.REJOIN_UNKNOWN ? "past what that leader holds" : "up to index " + rejoinIndex);
        } else if (!logOk) {
            grant = false;
            reason = self + " denied " + (v.preVote() ? "pre-vote" : "vote") + " to " + v.from() + " in term " + v.term()
                    + ": candidate's log ends at index " + v.lastLogIndex() + " term " + v.lastLogTerm() + ", ours at index "
                    + log.lastIndex() + " term " + log.lastTerm();
        } else if (v.preVote()) {
            grant = v.term() > term;
            reason = grant ? self + " granted pre-vote to " + v.from() + " for term " + v.term()
                    : self + " denied pre-vote to " + v.from() + ": term " + v.term() + " is not ahead of ours " + term;
        } else if (votedFor != null && !votedFor.equals(v.from())) {
            grant = false;
            reason = self + " denied vote to " + v.from() + " in term " + term + ": already voted for " + votedFor;
        } else if (votedFor == null && leaderId != null) {
            grant = false;
            reason = self + " denied vote to " + v.from() + " in term " + term + ": already follows leader " + leaderId;
        } else {
            grant = true;
            reason = self + " granted vote to " + v.from() + " in term " + term;
        }
        if (grant && !v.preVote()) {
            votedFor = v.from();
            electionElapsed = 0;
        }
        if (explain) note(reason);
        out.send(new VoteResponse(grant && v.preVote() ? v.term() : term, self, v.from(), v.preVote(), grant, reason));
    }

    private void onVoteResponse(VoteResponse r) {
        boolean counts = r.preVote() ? role == Role.PRE_CANDIDATE : role == Role.CANDIDATE && r.term() == term;
        if (!counts || !configuration.voters().contains(r.from())) return;
        if (r.granted() && (!r.preVote() || r.term() == term + 1)) votesGranted.add(r.from());
        else votesRejected.add(r.from());
        if (hasQuorum(votesGranted)) {
            if (r.preVote()) {
                if (explain) note(self + " won the pre-vote for term " + (term + 1) + " with " + votesGranted);
                startElection(false);
            } else {
                becomeLeader();
            }
        } else if (hasQuorum(votesRejected)) {
            if (explain) note(self + " lost the " + (r.preVote() ? "pre-vote" : "election") + " for term " + (r.preVote() ? term + 1 : term)
                    + ": rejected by " + votesRejected);
            becomeFollower(term, null);
        }
    }

    private void onTimeoutNow(TimeoutNow t) {
        if (leader != null || !promotable()) return;
        if (explain) note(self + " was told TimeoutNow by " + t.from() + " and campaigns at once");
        startElection(true);
    }

    void becomeFollower(long newTerm, NodeId lead) {
        if (leader != null) {
            Leader old = leader;
            leader = null;
            old.stepDown(lead);
        }
        if (newTerm > term) {
            term = newTerm;
            votedFor = null;
        }
        role = Role.FOLLOWER;
        leaderId = lead;
        electionElapsed = 0;
        if (lead != null) lastLeaderContact = now;
        resetElectionTimeout();
    }

    private void becomeLeader() {
        if (!safetyBugs && !self.equals(votedFor)) {
            throw new IllegalStateException(self + " became leader of term " + term + " without having voted for itself (voted " + votedFor + ")");
        }
        if (explain) note(self + " became leader of term " + term + " with votes of " + votesGranted);
        role = Role.LEADER;
        leaderId = self;
        leader = new Leader(this);
        leader.start();
    }

    boolean isVoter(NodeId id) { return configuration.voters().contains(id); }

    /**
     * May this server campaign? A voter may. So may a server that the latest, still uncommitted,
     * configuration removed but the one before counted: otherwise a leader that removed itself and was
     * deposed before the change committed could leave the remaining voters unable to elect anyone (its
     * log is the longest, and it would never campaign). It counts votes in the latest configuration,
     * commits the change as leader, and steps down then.
     */
    private boolean promotable() {
        if (rejoinIndex != 0) return false;
        if (isVoter(self)) return true;
        long latest = configs.lastKey();
        if (latest <= commit) return false;
        Map.Entry<Long, Configuration> before = configs.lowerEntry(latest);
        return before != null && before.getValue().voters().contains(self);
    }

    private boolean hasQuorum(TreeSet<NodeId> votes) {
        int count = 0;
        for (NodeId voter : configuration.voters()) if (votes.contains(voter)) count++;
        return count >= quorum();
    }

    int quorum() { return configuration.voters().size() / 2 + 1; }

    // ---- the follower's side of replication ----

    private void acceptLeader(NodeId from) {
        if (role == Role.LEADER) {
            if (!safetyBugs) throw new IllegalStateException("two leaders in term " + term + ": " + self + " and " + from);
            becomeFollower(term, from);
        } else if (role != Role.FOLLOWER) {
            becomeFollower(term, from);
        }
        leaderId = from;
        lastLeaderContact = now;
        electionElapsed = 0;
    }

    private void onAppendEntries(AppendEntries a) {
        acceptLeader(a.from());
        long prev = a.prevLogIndex();
        List<Entry> entries = a.entries();
        int first = 0;
        if (prev < log.snapshotIndex()) {
            // Our snapshot holds only committed entries, which match the leader's by the Log Matching property.
            first = (int) Math.min(entries.size(), log.snapshotIndex() - prev);
        } else if (log.termAt(prev) != a.prevLogTerm()) {
            long conflictTerm;
            long conflictIndex;
            if (prev > log.lastIndex()) {
                conflictTerm = 0;
                conflictIndex = log.lastIndex() + 1;
            } else {
                conflictTerm = log.termAt(prev);
                conflictIndex = log.firstIndexOfTermAt(prev);
            }
            if (explain) note(self + " rejected entries after index " + prev + " term " + a.prevLogTerm() + " from " + a.from()
                    + ": our log " + (conflictTerm == 0 ? "ends at " + log.lastIndex() : "has term " + conflictTerm + " there, from index " + conflictIndex));
            noteRejoin(a, -1);
            out.send(new AppendResponse(term, self, a.from(), false, prev, conflictTerm, conflictIndex, a.readContext(), rejoinIndex));
            return;
        }
        for (int i = first; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            long ours = log.termAt(entry.index());
            if (ours == entry.term()) continue;
            if (ours != -1) truncateFrom(entry.index());
            for (int j = i; j < entries.size(); j++) appendEntry(entries.get(j));
            break;
        }
        long lastNew = Math.max(prev + entries.size(), log.snapshotIndex());
        long newCommit = Math.min(a.leaderCommit(), lastNew);
        if (newCommit > commit) setCommit(newCommit);
        noteRejoin(a, lastNew);
        out.send(new AppendResponse(term, self, a.from(), true, lastNew, 0, 0, a.readContext(), rejoinIndex));
    }

    /**
     * Takes the leader's rejoin index when it sends one (it holds every committed entry, so it knows best how far
     * this server must catch up), and ends rejoining once our log matches the leader's up to it.
     *
     * @param matched the index up to which our log now matches the leader's, or -1 when it does not
     */
    private void noteRejoin(AppendEntries a, long matched) {
        if (a.rejoinIndex() != 0 && a.rejoinIndex() != rejoinIndex) {
            if (rejoinIndex == 0) out.warn(self + " lost entries it had acknowledged (leader " + a.from() + " says so): it grants no votes until "
                    + "its log matches the leader's up to index " + a.rejoinIndex());
            rejoinIndex = a.rejoinIndex();
        }
        if (rejoinIndex != 0 && rejoinIndex != HardState.REJOIN_UNKNOWN && matched >= rejoinIndex) {
            out.warn(self + " has rejoined: its log matches leader " + a.from() + "'s up to index " + matched + ", past index "
                    + rejoinIndex + ", so it votes again");
            rejoinIndex = 0;
        }
    }

    private void truncateFrom(long index) {
        if (index <= commit && !safetyBugs) {
            throw new IllegalStateException(self + " would truncate committed entry " + index + " (commit index " + commit + ")");
        }
        if (explain) note(self + " removed its entries from index " + index + " on, which conflict with the leader's");
        log.truncateFrom(index);
        configs.tailMap(index, true).clear();
        configuration = configs.lastEntry().getValue();
    }

    void appendEntry(Entry entry) {
        log.append(entry);
        if (entry.command() instanceof Command.ConfigChange change) {
            configs.put(entry.index(), change.configuration());
            configuration = change.configuration();
            if (explain) note(self + " uses configuration " + configuration + " from index " + entry.index() + " on");
            if (leader != null) leader.syncProgress();
        }
    }

    private void onInstallSnapshot(InstallSnapshot s) {
        acceptLeader(s.from());
        if (s.lastIncludedIndex() <= commit) {
            out.send(new SnapshotResponse(term, self, s.from(), s.lastIncludedIndex(), 0, true));
            return;
        }
        if (!incoming.accept(s)) {
            out.send(new SnapshotResponse(term, self, s.from(), s.lastIncludedIndex(), incoming.expectedOffset(s), false));
            return;
        }
        if (!s.done()) {
            out.send(new SnapshotResponse(term, self, s.from(), s.lastIncludedIndex(), incoming.length(), false));
            return;
        }
        Snapshot snapshot = new Snapshot(s.lastIncludedIndex(), s.lastIncludedTerm(), s.configuration(), incoming.take());
        installSnapshot(snapshot);
        out.send(new SnapshotResponse(term, self, s.from(), s.lastIncludedIndex(), snapshot.data().length, true));
    }

    private void installSnapshot(Snapshot snapshot) {
        kv.restore(snapshot.data());
        if (log.termAt(snapshot.index()) == snapshot.term()) {
            log.compact(snapshot.index(), snapshot.term());
            configs.headMap(snapshot.index(), true).clear();
        } else {
            log.resetTo(snapshot.index(), snapshot.term());
            configs.clear();
        }
        configs.put(snapshot.index(), snapshot.configuration());
        configuration = configs.lastEntry().getValue();
        if (explain) note(self + " installed a snapshot up to index " + snapshot.index() + " term " + snapshot.term());
        setCommit(snapshot.index());
        applied = snapshot.index();
        if (rejoinIndex != 0 && rejoinIndex != HardState.REJOIN_UNKNOWN && snapshot.index() >= rejoinIndex) rejoinIndex = 0;
        latestSnapshot = snapshot;
        snapshotToPersist = snapshot;
    }

    // ---- commit, apply, snapshots ----

    void setCommit(long index) {
        if (index < commit) {
            if (!safetyBugs) throw new IllegalStateException(self + " commit index would go back from " + commit + " to " + index);
            return;
        }
        if (explain && index > commit) note(self + " commits up to index " + index + " (term " + log.termAt(index) + ")");
        commit = index;
    }

    long lastConfigIndex() { return configs.lastKey(); }

    Configuration configurationAt(long index) {
        Map.Entry<Long, Configuration> floor = configs.floorEntry(index);
        return floor == null ? configuration : floor.getValue();
    }

    void applyCommitted() {
        while (applied < commit) {
            Entry entry = log.entry(applied + 1);
            if (entry == null) break; // only when a bug let commit run past our log
            applied++;
            Outcome outcome = null;
            if (entry.command() instanceof Command.Client client) outcome = kv.apply(entry.index(), client);
            out.applied(entry);
            if (leader != null) leader.onApplied(entry, outcome);
        }
        if (leader != null) leader.afterApply();
        if (config.snapshotEveryEntries() > 0 && applied - log.snapshotIndex() >= config.snapshotEveryEntries()) takeSnapshot();
    }

    /** Snapshots the state machine at the applied index and compacts the log up to it. */
    void takeSnapshot() {
        if (applied <= log.snapshotIndex()) return;
        long index = applied;
        long snapshotTerm = log.termAt(index);
        Configuration at = configurationAt(index);
        Snapshot snapshot = new Snapshot(index, snapshotTerm, at, kv.snapshot());
        log.compact(index, snapshotTerm);
        configs.headMap(index, true).clear();
        configs.put(index, at);
        configuration = configs.lastEntry().getValue();
        latestSnapshot = snapshot;
        snapshotToPersist = snapshot;
        if (explain) note(self + " took a snapshot at index " + index + " and compacted its log");
    }

    // ---- readiness ----

    HardState takeHardState() {
        if (!hardStateChanged()) return null;
        emittedTerm = term;
        emittedVote = votedFor;
        emittedRejoin = rejoinIndex;
        return new HardState(term, bugs.has(Bug.FORGET_VOTE) ? null : votedFor, commit, rejoinIndex);
    }

    boolean hardStateChanged() {
        return term != emittedTerm || !java.util.Objects.equals(votedFor, emittedVote) || rejoinIndex != emittedRejoin;
    }

    Snapshot takeSnapshotToPersist() {
        Snapshot result = snapshotToPersist;
        snapshotToPersist = null;
        return result;
    }

    boolean hasSnapshotToPersist() { return snapshotToPersist != null; }

    void persisted(ServerReady ready) {
        long before = log.persistedIndex();
        if (ready.snapshot() != null) log.markPersisted(ready.snapshot().index(), ready.snapshot().term());
        List<Entry> entries = ready.entries();
        if (!entries.isEmpty()) {
            Entry last = entries.get(entries.size() - 1);
            log.markPersisted(last.index(), last.term());
        }
        if (leader != null && log.persistedIndex() != before) leader.maybeCommit();
    }

    void note(String text) { out.note("[t" + now + "] " + text); }
}
