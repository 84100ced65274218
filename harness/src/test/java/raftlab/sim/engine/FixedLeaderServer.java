package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import raftlab.raft.ClientReply;
import raftlab.raft.ClientRequest;
import raftlab.raft.Command;
import raftlab.raft.Configuration;
import raftlab.raft.Entry;
import raftlab.raft.HardState;
import raftlab.raft.Message;
import raftlab.raft.NodeId;
import raftlab.raft.Outcome;
import raftlab.raft.PersistentState;
import raftlab.raft.Role;
import raftlab.raft.ServerReady;
import raftlab.raft.Status;
import raftlab.raft.kv.KvOp;

/**
 * A deliberately small replicated log for testing the simulator alone: n1 leads term 1 forever (so it cannot
 * survive n1's crash), replicates by AppendEntries, commits on a majority and applies a key-value map.
 * With {@code secondLeader}, n2 also believes it leads term 1, which the election-safety check must catch.
 * With {@code staleReads}, followers answer reads from their own lagging state and give no leader hint, so that
 * clients wander between nodes and read stale values, which the linearizability checker must catch.
 */
final class FixedLeaderServer implements SimServer {
    private final NodeId self;
    private final List<NodeId> peers;
    private final boolean leader;
    private final boolean staleReads;
    private final List<Entry> log = new ArrayList<>();
    private final TreeMap<String, String> kv = new TreeMap<>();
    private final TreeMap<Long, Long> requestAtIndex = new TreeMap<>();
    private final long[] match;
    private long commit;
    private long applied;
    private int ticks;
    private List<Entry> unpersisted = new ArrayList<>();
    private List<Message> outbox = new ArrayList<>();
    private List<ClientReply> replies = new ArrayList<>();
    private List<Entry> appliedNow = new ArrayList<>();
    private boolean hardStateDirty = true;

    FixedLeaderServer(NodeId self, List<NodeId> voters, PersistentState restored, boolean secondLeader) {
        this(self, voters, restored, secondLeader, false);
    }

    FixedLeaderServer(NodeId self, List<NodeId> voters, PersistentState restored, boolean secondLeader, boolean staleReads) {
        this.self = self;
        this.staleReads = staleReads;
        this.peers = voters;
        this.leader = self.value().equals("n1") || (secondLeader && self.value().equals("n2"));
        this.match = new long[voters.size()];
        log.addAll(restored.entries());
        if (leader && log.isEmpty()) append(new Command.Noop());
    }

    private void append(Command command) {
        Entry e = new Entry(log.size() + 1, 1, command);
        log.add(e);
        unpersisted.add(e);
    }

    @Override public void tick(long wallClockMillis) {
        if (leader && ++ticks % 3 == 0) broadcast();
    }

    private void broadcast() {
        for (NodeId peer : peers) {
            if (peer.equals(self)) continue;
            long from = match[index(peer)];
            List<Entry> batch = log.subList((int) from, (int) Math.min(log.size(), from + 64));
            outbox.add(new Message.AppendEntries(1, self, peer, from, from == 0 ? 0 : 1, List.copyOf(batch), commit, 0));
        }
    }

    @Override public void receive(Message message) {
        if (message instanceof Message.AppendEntries a) {
            boolean ok = a.prevLogIndex() <= log.size();
            if (ok) {
                for (Entry e : a.entries()) {
                    if (e.index() <= log.size()) continue; // one leader, one term: what we hold is what it sent
                    log.add(e);
                    unpersisted.add(e);
                }
                long newCommit = Math.min(a.leaderCommit(), log.size());
                if (newCommit > commit) {
                    commit = newCommit;
                    hardStateDirty = true;
                    apply();
                }
            }
            outbox.add(new Message.AppendResponse(1, self, a.from(), ok, log.size(), 0, 0, 0));
        } else if (message instanceof Message.AppendResponse r && leader) {
            match[index(r.from())] = Math.max(match[index(r.from())], r.matchIndex());
            advanceCommit();
        }
    }

    private void advanceCommit() {
        long[] sorted = match.clone();
        sorted[index(self)] = log.size();
        java.util.Arrays.sort(sorted);
        long quorumMatch = sorted[sorted.length - (sorted.length / 2 + 1)]; // a majority holds at least this much
        if (quorumMatch > commit) {
            commit = quorumMatch;
            hardStateDirty = true;
            apply();
        }
    }

    private void apply() {
        while (applied < commit) {
            Entry e = log.get((int) applied);
            applied++;
            appliedNow.add(e);
            Outcome outcome = null;
            if (e.command() instanceof Command.Client c) {
                KvOp op = c.op();
                if (op instanceof KvOp.Get g) outcome = new Outcome.Ok(kv.get(g.key()));
                else if (op instanceof KvOp.Put p) {
                    kv.put(p.key(), p.value());
                    outcome = new Outcome.Ok(p.value());
                } else if (op instanceof KvOp.Cas cas) {
                    String actual = kv.get(cas.key());
                    if (java.util.Objects.equals(actual, cas.expect())) {
                        kv.put(cas.key(), cas.value());
                        outcome = new Outcome.Ok(cas.value());
                    } else {
                        outcome = new Outcome.Mismatch(actual);
                    }
                } else if (op instanceof KvOp.Delete d) {
                    kv.remove(d.key());
                    outcome = new Outcome.Ok(null);
                }
            }
            Long requestId = requestAtIndex.remove(e.index());
            if (requestId != null && outcome != null) replies.add(new ClientReply(requestId, outcome));
        }
    }

    @Override public void submit(ClientRequest request) {
        if (!leader && staleReads && request.op() instanceof KvOp.Get g) {
            replies.add(new ClientReply(request.requestId(), new Outcome.Ok(kv.get(g.key()))));
            return;
        }
        if (!leader) {
            replies.add(new ClientReply(request.requestId(), new Outcome.NotLeader(staleReads ? null : NodeId.of("n1"))));
            return;
        }
        append(new Command.Client(request.clientId(), request.seq(), request.op()));
        requestAtIndex.put((long) log.size(), request.requestId());
        if (peers.size() == 1) advanceCommit();
    }

    @Override public void admin(long requestId, raftlab.raft.AdminCommand command) {
        replies.add(new ClientReply(requestId, new Outcome.Rejected("the fixed leader never hands over")));
    }

    private int index(NodeId id) { return Integer.parseInt(id.value().substring(1)) - 1; }

    @Override public boolean hasReady() {
        return hardStateDirty || !unpersisted.isEmpty() || !outbox.isEmpty() || !replies.isEmpty() || !appliedNow.isEmpty();
    }

    @Override public ServerReady ready() {
        HardState hs = hardStateDirty ? new HardState(1, NodeId.of("n1"), commit) : null;
        return new ServerReady(hs, null, unpersisted, outbox, replies, appliedNow, List.of());
    }

    @Override public void advance(ServerReady ready) {
        hardStateDirty = false;
        unpersisted = new ArrayList<>();
        outbox = new ArrayList<>();
        replies = new ArrayList<>();
        appliedNow = new ArrayList<>();
    }

    @Override public Role role() { return leader ? Role.LEADER : Role.FOLLOWER; }

    @Override public long term() { return 1; }

    @Override public long commitIndex() { return commit; }

    @Override public Status status() {
        return new Status(self, role(), 1, NodeId.of("n1"), commit, applied, 1, log.size(), 0,
                Configuration.ofVoters(peers), List.of());
    }
}
