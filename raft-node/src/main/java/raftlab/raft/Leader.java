package raftlab.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import raftlab.raft.Message.AppendEntries;
import raftlab.raft.Message.AppendResponse;
import raftlab.raft.Message.InstallSnapshot;
import raftlab.raft.Message.SnapshotResponse;
import raftlab.raft.Message.TimeoutNow;

/**
 * The leader's side of one term: followers' progress, replication with batching and pipelining,
 * commitment, ReadIndex and lease reads, leadership transfer and membership changes. A new
 * instance starts with every term this server leads and is dropped when it steps down.
 */
final class Leader {
    private static final int MAX_ROUNDS_REMEMBERED = 256;

    private final RaftNode node;
    private final RaftLog log;
    private final RaftConfig config;
    final TreeMap<NodeId, Progress> progress = new TreeMap<>();
    final Proposals proposals;
    final ReadQueue reads = new ReadQueue();
    /** The index of this term's no-op: nothing is read or reconfigured until it commits. */
    private long termStartIndex;
    private int heartbeatElapsed;
    private int checkQuorumElapsed;
    private long checkQuorumWall;
    private boolean needBroadcast;
    /** Heartbeat rounds not yet acknowledged by a quorum: {context, send tick, send wall millis}. */
    private final ArrayDeque<long[]> rounds = new ArrayDeque<>();
    private long leaseStartTick = Long.MIN_VALUE / 2;
    private long leaseStartWall = Long.MIN_VALUE / 2;
    private final long leaseTicks;
    NodeId transferTarget;
    private int transferElapsed;
    private long transferRequestId = -1;
    private boolean timeoutNowSent;
    private long[] matchScratch = new long[0];
    private long lastRefusedCommit = -1;

    Leader(RaftNode node) {
        this.node = node;
        this.log = node.log;
        this.config = node.config;
        this.proposals = new Proposals(node.out);
        // A follower ignores votes for electionTicksMin of its ticks after hearing from us; we may have sent up to
        // one tick before it received, and its ticks may run fast by the drift bound.
        this.leaseTicks = (long) Math.floor((config.electionTicksMin() - 1) * (1 - config.clockDriftBound()));
        this.checkQuorumWall = node.wallMillis;
    }

    void start() {
        syncProgress();
        if (node.bugs.has(Bug.COMMIT_OLD_TERM) && node.commit < log.lastIndex()) {
            // The Figure 8 mistake trusts counting to commit what earlier terms left behind, so it sees no need for a
            // no-op while such entries wait; the no-op would otherwise travel with them and hide the mistake.
            termStartIndex = log.lastIndex();
        } else {
            termStartIndex = log.lastIndex() + 1;
            node.appendEntry(new Entry(termStartIndex, node.term, new Command.Noop()));
        }
        broadcastAppend();
    }

    boolean committedInTerm() { return node.commit >= termStartIndex; }

    /** Keeps one Progress per member other than ourselves: the configuration takes effect when appended. */
    void syncProgress() {
        Configuration c = node.configuration;
        progress.keySet().removeIf(id -> !c.voters().contains(id) && !c.learners().contains(id));
        addProgress(c.voters());
        addProgress(c.learners());
    }

    private void addProgress(List<NodeId> ids) {
        for (NodeId id : ids) {
            if (!id.equals(node.self) && !progress.containsKey(id)) {
                progress.put(id, new Progress(id, log.lastIndex() + 1, config.maxInflightAppends()));
            }
        }
    }

    // ---- time ----

    void tick() {
        heartbeatElapsed++;
        checkQuorumElapsed++;
        boolean checkDue = node.bugs.has(Bug.LEASE_WALL_CLOCK)
                ? node.wallMillis - checkQuorumWall >= config.electionTicksMin() * node.millisPerTick
                : checkQuorumElapsed >= config.electionTicksMin();
        if (checkDue) {
            checkQuorumElapsed = 0;
            checkQuorumWall = node.wallMillis;
            if (!quorumActive()) {
                if (node.explain) node.note(node.self + " steps down in term " + node.term + ": heard from no quorum within an election timeout");
                node.becomeFollower(node.term, null);
                return;
            }
        }
        if (transferTarget != null && ++transferElapsed >= config.electionTicksMin()) {
            if (node.explain) node.note(node.self + " abandons the leadership transfer to " + transferTarget + ": it did not complete in time");
            if (transferRequestId >= 0) node.out.reply(transferRequestId, new Outcome.Rejected("transfer to " + transferTarget + " did not complete within an election timeout"));
            transferTarget = null;
            transferRequestId = -1;
        }
        if (heartbeatElapsed >= config.heartbeatTicks()) {
            heartbeatElapsed = 0;
            heartbeat();
        }
        proposals.expire(node.now);
        if (!reads.isEmpty()) reads.expire(node.now, node.out);
    }

    private boolean quorumActive() {
        int active = node.isVoter(node.self) ? 1 : 0;
        for (Progress pr : progress.values()) {
            if (pr.recentActive && node.isVoter(pr.id)) active++;
            pr.recentActive = false;
        }
        return active >= node.quorum();
    }

    private void heartbeat() {
        long context = newRound();
        for (Progress pr : progress.values()) {
            if (pr.state == Progress.State.REPLICATE && pr.hasInflight() && ++pr.stalledHeartbeats >= 2) {
                pr.becomeProbe(pr.match + 1); // appends were lost: find the follower's log end again
            }
            // A heartbeat (prev = the known match) always goes, so that leadership and reads are confirmed even
            // while probes or snapshot chunks are being lost; then whatever was lost is sent again.
            if (pr.state == Progress.State.PROBE) pr.probeSent = false;
            if (pr.state == Progress.State.SNAPSHOT) pr.chunkInFlight = false;
            sendHeartbeat(pr, context);
            sendAppend(pr);
        }
        confirmReads();
    }

    private long newRound() {
        long context = ++node.readContext;
        rounds.addLast(new long[] {context, node.now, node.wallMillis});
        if (rounds.size() > MAX_ROUNDS_REMEMBERED) rounds.pollFirst();
        return context;
    }

    // ---- replication ----

    void flush() {
        if (!reads.unsent.isEmpty()) {
            long context = newRound();
            for (ReadQueue.Read read : reads.unsent) {
                read.context = context;
                read.readIndex = node.commit;
                reads.inRound.addLast(read);
            }
            reads.unsent.clear();
            for (Progress pr : progress.values()) sendHeartbeat(pr, context);
            confirmReads();
        }
        if (needBroadcast) {
            needBroadcast = false;
            broadcastAppend();
        }
    }

    boolean hasPendingWork() { return needBroadcast || !reads.unsent.isEmpty(); }

    private void broadcastAppend() {
        for (Progress pr : progress.values()) sendAppend(pr);
    }

    private void sendHeartbeat(Progress pr, long context) {
        long prev = pr.match;
        long prevTerm = log.termAt(prev);
        if (prevTerm < 0) {
            prev = 0; // index 0 matches every log: it is inside every snapshot
            prevTerm = 0;
        }
        node.out.send(new AppendEntries(node.term, node.self, pr.id, prev, prevTerm, List.of(), node.commit, context, pr.rejoinIndex));
    }

    /** Sends what the follower needs, as far as its state and the pipelining bound allow. */
    void sendAppend(Progress pr) {
        if (pr.state == Progress.State.SNAPSHOT) {
            if (!pr.chunkInFlight) sendChunk(pr);
            return;
        }
        if (pr.state == Progress.State.PROBE) {
            if (pr.probeSent) return;
            if (!sendEntries(pr)) return;
            pr.probeSent = true;
            return;
        }
        while (!pr.inflightFull() && pr.next <= log.lastIndex()) {
            long before = pr.next;
            if (!sendEntries(pr)) return;
            long last = Math.min(log.lastIndex(), before + config.maxEntriesPerAppend() - 1);
            pr.next = last + 1;
            pr.addInflight(last);
        }
    }

    /** Sends entries from {@code pr.next} on; false if they are compacted, in which case a snapshot is started. */
    private boolean sendEntries(Progress pr) {
        long prev = pr.next - 1;
        long prevTerm = log.termAt(prev);
        if (prevTerm < 0) {
            if (node.latestSnapshot == null) throw new IllegalStateException("entry " + prev + " is compacted but there is no snapshot");
            if (node.explain) node.note(node.self + " sends a snapshot up to index " + node.latestSnapshot.index() + " to " + pr.id
                    + ", which needs compacted entry " + pr.next);
            pr.becomeSnapshot(node.latestSnapshot);
            sendChunk(pr);
            return false;
        }
        List<Entry> entries = log.slice(pr.next, log.lastIndex(), config.maxEntriesPerAppend());
        node.out.send(new AppendEntries(node.term, node.self, pr.id, prev, prevTerm, entries, node.commit, node.readContext, pr.rejoinIndex));
        return true;
    }

    private void sendChunk(Progress pr) {
        Snapshot s = pr.sendingSnapshot;
        int offset = (int) Math.min(pr.snapshotOffset, s.data().length);
        int end = (int) Math.min(s.data().length, (long) offset + config.snapshotChunkBytes());
        byte[] chunk = Arrays.copyOfRange(s.data(), offset, end);
        node.out.send(new InstallSnapshot(node.term, node.self, pr.id, s.index(), s.term(), s.configuration(), offset, chunk,
                end == s.data().length));
        pr.chunkInFlight = true;
    }

    void onAppendResponse(AppendResponse r) {
        Progress pr = progress.get(r.from());
        if (pr == null) return;
        pr.recentActive = true;
        if (r.readContext() > pr.ackedReadContext) {
            pr.ackedReadContext = r.readContext();
            // Counting a quorum costs a sort over the voters; only reads and leases need it.
            if (!reads.inRound.isEmpty() || leaseMode()) confirmReads();
        }
        noteRejoin(pr, r);
        if (!r.success()) {
            onReject(pr, r);
            return;
        }
        pr.stalledHeartbeats = 0;
        boolean progressed = r.matchIndex() > pr.match;
        if (progressed) {
            pr.match = r.matchIndex();
            pr.matchKnownAt = node.readContext;
        }
        if (pr.rejoinIndex != 0 && !pr.followerRejoining && pr.match >= pr.rejoinIndex) {
            node.out.warn(node.self + " counts " + pr.id + " again: its log matches ours up to index " + pr.match + ", past index " + pr.rejoinIndex);
            pr.rejoinIndex = 0;
            maybeCommit();
        }
        switch (pr.state) {
            case PROBE -> pr.becomeReplicate();
            case REPLICATE -> {
                pr.freeInflightTo(pr.match);
                if (pr.next <= pr.match) pr.next = pr.match + 1;
            }
            case SNAPSHOT -> {
                if (pr.match >= pr.sendingSnapshot.index()) pr.becomeReplicate();
            }
        }
        if (progressed) {
            if (pr.match > node.commit) maybeCommit();
            maybePromote(pr);
        }
        maybeSendTimeoutNow(pr);
        sendAppend(pr);
    }

    /** A follower that says it is rejoining is told how far it must catch up: what we hold, which is every committed entry. */
    private void noteRejoin(Progress pr, AppendResponse r) {
        pr.followerRejoining = r.rejoinIndex() != 0;
        if (pr.followerRejoining && pr.rejoinIndex == 0) {
            pr.rejoinIndex = Math.min(r.rejoinIndex(), log.lastIndex());
            node.out.warn(node.self + " does not count " + pr.id + " toward commitment: it is rejoining after losing entries it may have"
                    + " acknowledged; it must first hold our log up to index " + pr.rejoinIndex);
        }
    }

    private void onReject(Progress pr, AppendResponse r) {
        long rejected = r.matchIndex(); // a rejection names the prevLogIndex it could not match
        if (pr.state == Progress.State.SNAPSHOT) return;
        if (rejected <= pr.match) {
            // An append sent before we learned of the match may arrive late; one sent in a later round may not.
            if (r.readContext() <= pr.matchKnownAt) return;
            lostAcknowledged(pr, r);
        }
        long next;
        if (r.conflictTerm() == 0) {
            next = r.conflictIndex();
        } else {
            long ours = log.lastIndexOfTerm(r.conflictTerm(), rejected);
            next = ours > 0 ? ours + 1 : r.conflictIndex();
        }
        next = Math.max(pr.match + 1, Math.min(next, rejected));
        if (node.explain) node.note(node.self + " backs up " + pr.id + " to index " + next + " (follower's conflict term "
                + r.conflictTerm() + " from index " + r.conflictIndex() + ")");
        pr.becomeProbe(next);
        sendAppend(pr);
    }

    /**
     * The follower no longer holds entries it acknowledged to us: its disk lost synced writes, it was repaired, or its
     * data directory was restored from an older copy. It could now help elect a leader without them, so it must not
     * vote, nor count toward commitment, until it holds our log again up to what it had acknowledged.
     */
    private void lostAcknowledged(Progress pr, AppendResponse r) {
        long acknowledged = pr.match;
        String holds = r.conflictTerm() == 0 ? "its log ends at index " + (r.conflictIndex() - 1)
                : "it has term " + r.conflictTerm() + " at index " + r.matchIndex();
        node.out.warn(node.self + " lowers " + pr.id + "'s match from " + acknowledged + " to 0: it acknowledged index " + acknowledged
                + " but now " + holds + "; it may not vote nor count toward commitment until it holds our log up to index " + acknowledged);
        pr.match = 0;
        pr.matchKnownAt = node.readContext;
        pr.rejoinIndex = Math.max(pr.rejoinIndex, acknowledged);
    }

    void onSnapshotResponse(SnapshotResponse r) {
        Progress pr = progress.get(r.from());
        if (pr == null) return;
        pr.recentActive = true;
        if (pr.state != Progress.State.SNAPSHOT || pr.sendingSnapshot.index() != r.lastIncludedIndex()) return;
        if (r.done()) {
            if (r.lastIncludedIndex() > pr.match) {
                pr.match = r.lastIncludedIndex();
                pr.matchKnownAt = node.readContext;
            }
            pr.becomeProbe(pr.match + 1);
            maybeCommit();
            maybePromote(pr);
            sendAppend(pr);
        } else {
            pr.snapshotOffset = Math.max(0, Math.min(r.nextOffset(), pr.sendingSnapshot.data().length));
            pr.chunkInFlight = false;
            sendChunk(pr);
        }
    }

    /**
     * Commits the highest index a quorum of voters holds, but only if its entry is of this term (Figure 8):
     * an older entry becomes committed only with a later entry of ours. This server counts itself only up
     * to what its own disk holds.
     */
    void maybeCommit() {
        List<NodeId> voters = node.configuration.voters();
        int n = voters.size();
        if (n == 0) return;
        if (matchScratch.length != n) matchScratch = new long[n];
        for (int i = 0; i < n; i++) {
            NodeId id = voters.get(i);
            Progress pr = progress.get(id);
            matchScratch[i] = id.equals(node.self) ? log.persistedIndex() : pr == null || pr.rejoinIndex != 0 ? 0 : pr.match;
        }
        Arrays.sort(matchScratch);
        long quorumIndex = matchScratch[n - node.quorum()];
        if (quorumIndex <= node.commit) return;
        long quorumTerm = log.termAt(quorumIndex);
        if (quorumTerm == node.term || node.bugs.has(Bug.COMMIT_OLD_TERM)) {
            node.setCommit(quorumIndex);
        } else if (node.explain && quorumIndex != lastRefusedCommit) {
            lastRefusedCommit = quorumIndex; // once per index, so that advance() does not produce a new ready forever
            node.note(node.self + " does not commit index " + quorumIndex + " held by a quorum: its term " + quorumTerm
                    + " is older than the current term " + node.term);
        }
    }

    // ---- apply ----

    void onApplied(Entry entry, Outcome outcome) { proposals.onApplied(entry, outcome); }

    void afterApply() {
        if (committedInTerm() && !reads.awaitingTermCommit.isEmpty()) {
            for (ReadQueue.Read read : reads.awaitingTermCommit) startRead(read);
            reads.awaitingTermCommit.clear();
        }
        reads.answer(node.applied, node.kv, node.out);
        if (!node.isVoter(node.self) && node.lastConfigIndex() <= node.commit) {
            if (node.explain) node.note(node.self + " steps down: the configuration that removed it is committed");
            node.becomeFollower(node.term, null);
        }
    }

    // ---- client requests ----

    void read(long requestId, String key) {
        ReadQueue.Read read = new ReadQueue.Read(requestId, key, node.now + config.requestTimeoutTicks());
        if (!committedInTerm()) reads.awaitingTermCommit.add(read);
        else startRead(read);
    }

    private void startRead(ReadQueue.Read read) {
        if (leaseMode() && leaseValid()) {
            read.readIndex = node.commit;
            reads.confirmed.addLast(read);
            reads.answer(node.applied, node.kv, node.out);
        } else {
            reads.unsent.add(read);
        }
    }

    private boolean leaseMode() { return config.readMode() == ReadMode.LEASE || node.bugs.has(Bug.LEASE_WALL_CLOCK); }

    /** The lease holds from the send time of the last round a quorum acknowledged, for less than a minimum election timeout. */
    boolean leaseValid() {
        if (transferTarget != null || !committedInTerm()) return false;
        if (node.bugs.has(Bug.LEASE_WALL_CLOCK)) return node.wallMillis - leaseStartWall < leaseTicks * node.millisPerTick;
        return node.now - leaseStartTick < leaseTicks;
    }

    private void confirmReads() {
        long quorumContext = quorumContext();
        long[] acknowledged = null;
        while (!rounds.isEmpty() && rounds.peekFirst()[0] <= quorumContext) acknowledged = rounds.pollFirst();
        if (acknowledged != null) {
            leaseStartTick = acknowledged[1];
            leaseStartWall = acknowledged[2];
        }
        reads.confirmUpTo(quorumContext);
        reads.answer(node.applied, node.kv, node.out);
    }

    /** The highest read context that a quorum of voters (this server included, if it votes) has acknowledged. */
    private long quorumContext() {
        List<NodeId> voters = node.configuration.voters();
        int n = voters.size();
        if (n == 0) return 0;
        if (matchScratch.length != n) matchScratch = new long[n];
        for (int i = 0; i < n; i++) {
            NodeId id = voters.get(i);
            Progress pr = progress.get(id);
            matchScratch[i] = id.equals(node.self) ? node.readContext : pr == null ? 0 : pr.ackedReadContext;
        }
        Arrays.sort(matchScratch);
        return matchScratch[n - node.quorum()];
    }

    /** Appends a command of this term; returns its index. */
    long propose(Command command) {
        long index = log.lastIndex() + 1;
        node.appendEntry(new Entry(index, node.term, command));
        needBroadcast = true;
        return index;
    }

    void write(ClientRequest request) {
        if (transferTarget != null) {
            node.out.reply(request.requestId(), new Outcome.NotLeader(transferTarget));
            return;
        }
        Command.Client command = new Command.Client(request.clientId(), request.seq(), request.op());
        if (node.bugs.has(Bug.ACK_ON_APPEND)) {
            Outcome early = node.kv.preview(command);
            propose(command);
            node.out.reply(request.requestId(), early);
            return;
        }
        long index = propose(command);
        proposals.add(index, node.term, request.requestId(), node.now + config.requestTimeoutTicks(), false);
    }

    // ---- administration ----

    /** Membership changes go one server at a time, after the previous change and an entry of this term have committed. */
    private boolean configChangeAllowed() { return node.lastConfigIndex() <= node.commit && committedInTerm(); }

    void admin(long requestId, AdminCommand command) {
        Configuration c = node.configuration;
        if (command instanceof AdminCommand.TransferLeadership t) {
            transfer(requestId, t.target());
        } else if (transferTarget != null) {
            node.out.reply(requestId, new Outcome.NotLeader(transferTarget));
        } else if (command instanceof AdminCommand.AddMember add) {
            if (c.voters().contains(add.id()) || c.learners().contains(add.id())) {
                node.out.reply(requestId, new Outcome.Ok(null));
            } else if (!configChangeAllowed()) {
                node.out.reply(requestId, new Outcome.Rejected("another membership change is in progress; retry when it has committed"));
            } else {
                List<NodeId> learners = new ArrayList<>(c.learners());
                learners.add(add.id());
                long index = propose(new Command.ConfigChange(new Configuration(c.voters(), learners)));
                proposals.add(index, node.term, requestId, node.now + config.requestTimeoutTicks(), true);
            }
        } else if (command instanceof AdminCommand.RemoveMember remove) {
            boolean voter = c.voters().contains(remove.id());
            if (!voter && !c.learners().contains(remove.id())) {
                node.out.reply(requestId, new Outcome.Ok(null));
            } else if (voter && c.voters().size() == 1) {
                node.out.reply(requestId, new Outcome.Rejected("cannot remove the last voter"));
            } else if (!configChangeAllowed()) {
                node.out.reply(requestId, new Outcome.Rejected("another membership change is in progress; retry when it has committed"));
            } else {
                List<NodeId> voters = new ArrayList<>(c.voters());
                List<NodeId> learners = new ArrayList<>(c.learners());
                voters.remove(remove.id());
                learners.remove(remove.id());
                long index = propose(new Command.ConfigChange(new Configuration(voters, learners)));
                proposals.add(index, node.term, requestId, node.now + config.requestTimeoutTicks(), true);
            }
        } else if (command instanceof AdminCommand.TakeSnapshot) {
            node.takeSnapshot();
            node.out.reply(requestId, new Outcome.Ok(null));
        }
    }

    /** A learner that has caught up with the commit index becomes a voter. */
    private void maybePromote(Progress pr) {
        Configuration c = node.configuration;
        if (!c.learners().contains(pr.id) || pr.match < node.commit || !configChangeAllowed() || transferTarget != null) return;
        List<NodeId> voters = new ArrayList<>(c.voters());
        voters.add(pr.id);
        List<NodeId> learners = new ArrayList<>(c.learners());
        learners.remove(pr.id);
        if (node.explain) node.note(node.self + " promotes learner " + pr.id + " to voter: it holds the log up to " + pr.match);
        propose(new Command.ConfigChange(new Configuration(voters, learners)));
    }

    private void transfer(long requestId, NodeId target) {
        if (target.equals(node.self)) {
            node.out.reply(requestId, new Outcome.Ok(null));
            return;
        }
        if (!node.isVoter(target) || !progress.containsKey(target)) {
            node.out.reply(requestId, new Outcome.Rejected(target + " is not a voter"));
            return;
        }
        if (transferTarget != null) {
            node.out.reply(requestId, new Outcome.Rejected("a transfer to " + transferTarget + " is in progress"));
            return;
        }
        if (node.explain) node.note(node.self + " starts a leadership transfer to " + target + "; its lease ends now");
        transferTarget = target;
        transferElapsed = 0;
        transferRequestId = requestId;
        timeoutNowSent = false;
        Progress pr = progress.get(target);
        maybeSendTimeoutNow(pr);
        sendAppend(pr);
    }

    private void maybeSendTimeoutNow(Progress pr) {
        if (!pr.id.equals(transferTarget) || timeoutNowSent || pr.match != log.lastIndex()) return;
        timeoutNowSent = true;
        if (node.explain) node.note(node.self + " tells " + pr.id + " to campaign now: its log is up to date at index " + pr.match);
        node.out.send(new TimeoutNow(node.term, node.self, pr.id));
    }

    /** This server stops leading: whatever it appended may or may not commit, and reads are refused. */
    void stepDown(NodeId newLeader) {
        proposals.failAll("leadership was lost before the entry was known to be committed");
        reads.refuseAll(newLeader, node.out);
        if (transferRequestId >= 0) {
            node.out.reply(transferRequestId, timeoutNowSent ? new Outcome.Ok(null) : new Outcome.Unknown("leadership lost during transfer"));
            transferRequestId = -1;
        }
    }

    List<Status.PeerProgress> peerProgress() {
        List<Status.PeerProgress> peers = new ArrayList<>(progress.size());
        for (Progress pr : progress.values()) peers.add(new Status.PeerProgress(pr.id, pr.match, pr.next));
        return peers;
    }
}
