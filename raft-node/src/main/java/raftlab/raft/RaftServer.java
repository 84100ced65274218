package raftlab.raft;

import java.util.List;
import java.util.random.RandomGenerator;
import raftlab.raft.kv.KvOp;

/**
 * One Raft server with its key-value state machine and client sessions, as a pure state machine:
 * no sockets, files, threads, clocks or randomness of its own. The node binary and the simulator
 * both drive it the same way: feed it ticks, messages and requests, then take a {@link ServerReady},
 * do its I/O, and call {@link #advance}.
 *
 * <p>Take one ready at a time: persist and send it, call {@link #advance}, then take the next. Every
 * request gets exactly one {@link ClientReply}. Reads pending when this server loses leadership are
 * answered {@link Outcome.NotLeader} (a read has no effect, so refusing it is definite); writes
 * appended but not known committed then are answered {@link Outcome.Unknown}.
 *
 * <p>Not thread-safe: the caller serializes all calls.
 */
public final class RaftServer {
    private final RaftNode node;

    /**
     * @param random   the only source of randomness (election timeouts)
     * @param restored what the server's disk held at start ({@link PersistentState#empty()} the first time)
     */
    public RaftServer(NodeId self, RaftConfig config, RandomGenerator random, Bugs bugs, PersistentState restored) {
        this.node = new RaftNode(self, config, random, bugs == null ? Bugs.NONE : bugs, restored);
        node.applyCommitted();
    }

    /** One tick of the monotonic clock; {@code wallClockMillis} is read only by the lease-wall-clock bug. */
    public void tick(long wallClockMillis) {
        node.tick(wallClockMillis);
        node.applyCommitted();
    }

    public void receive(Message message) {
        node.receive(message);
        node.applyCommitted();
    }

    public void submit(ClientRequest request) {
        KvOp op = request.op();
        if (op instanceof KvOp.Get get) {
            if (node.bugs.has(Bug.STALE_READS)) {
                node.out.reply(request.requestId(), new Outcome.Ok(node.kv.get(get.key())));
            } else if (node.leader == null) {
                node.out.reply(request.requestId(), new Outcome.NotLeader(node.leaderId));
            } else {
                node.leader.read(request.requestId(), get.key());
            }
        } else if (node.leader == null) {
            node.out.reply(request.requestId(), new Outcome.NotLeader(node.leaderId));
        } else {
            node.leader.write(request);
        }
        node.applyCommitted();
    }

    public void admin(long requestId, AdminCommand command) {
        if (command instanceof AdminCommand.TakeSnapshot) {
            node.takeSnapshot();
            node.out.reply(requestId, new Outcome.Ok(null));
        } else if (node.leader == null) {
            node.out.reply(requestId, new Outcome.NotLeader(node.leaderId));
        } else {
            node.leader.admin(requestId, command);
        }
        node.applyCommitted();
    }

    public boolean hasReady() {
        if (node.leader != null && node.leader.hasPendingWork()) return true;
        return !node.out.isEmpty() || node.log.hasUnstable() || node.hasSnapshotToPersist() || node.hardStateChanged();
    }

    public ServerReady ready() {
        if (node.leader != null) node.leader.flush();
        HardState hardState = node.takeHardState();
        Snapshot snapshot = node.takeSnapshotToPersist();
        List<Entry> entries = node.log.takeUnstable();
        Outbox out = node.out;
        return new ServerReady(hardState, snapshot, entries, out.takeMessages(), out.takeReplies(), out.takeApplied(), out.takeNotes(),
                out.takeWarnings());
    }

    /** Tells the server that everything in {@code ready} was persisted and sent. */
    public void advance(ServerReady ready) {
        node.persisted(ready);
        node.applyCommitted();
    }

    public Status status() {
        Leader leader = node.leader;
        return new Status(node.self, role(), node.term, node.leaderId, node.commit, node.applied, node.log.firstIndex(),
                node.log.lastIndex(), node.log.snapshotIndex(), node.configuration,
                leader == null ? List.of() : leader.peerProgress());
    }

    // ---- read-only accessors, for invariant checks and tests ----

    public NodeId id() { return node.self; }

    public long term() { return node.term; }

    /** LEARNER when this server is a non-leading learner of its configuration; otherwise its Raft role. */
    public Role role() {
        if (node.role == Role.FOLLOWER && node.configuration.learners().contains(node.self)) return Role.LEARNER;
        return node.role;
    }

    public boolean isLeader() { return node.leader != null; }

    /** The leader this server currently follows (itself when leading), or null. */
    public NodeId leader() { return node.leaderId; }

    public NodeId votedFor() { return node.votedFor; }

    /** Not 0 while this server rejoins after losing entries it may have acknowledged (see {@link HardState#rejoinIndex}). */
    public long rejoinIndex() { return node.rejoinIndex; }

    public long commitIndex() { return node.commit; }

    public long appliedIndex() { return node.applied; }

    public long lastIndex() { return node.log.lastIndex(); }

    public long snapshotIndex() { return node.log.snapshotIndex(); }

    /** The term of the entry at {@code index}: the snapshot's term at its index, 0 at index 0, -1 if unknown or compacted. */
    public long termAt(long index) { return node.log.termAt(index); }

    /** The entry at {@code index}, or null if compacted or beyond the log. */
    public Entry entryAt(long index) { return node.log.entry(index); }

    /** The configuration in effect (the latest appended). */
    public Configuration configuration() { return node.configuration; }

    /** The state machine's current value for {@code key} (for invariant checks; not a linearizable read). */
    public String appliedValue(String key) { return node.kv.get(key); }

    /** True while this server leads and its read lease is valid (LEASE read mode). */
    public boolean leaseValid() { return node.leader != null && node.leader.leaseValid(); }
}
