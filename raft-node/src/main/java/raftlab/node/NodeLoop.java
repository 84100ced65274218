package raftlab.node;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import raftlab.node.metrics.NodeMetrics;
import raftlab.node.storage.RaftStorage;
import raftlab.node.storage.StorageFailedException;
import raftlab.raft.AdminCommand;
import raftlab.raft.ClientReply;
import raftlab.raft.ClientRequest;
import raftlab.raft.Message;
import raftlab.raft.Outcome;
import raftlab.raft.RaftServer;
import raftlab.raft.Role;
import raftlab.raft.ServerReady;
import raftlab.raft.Status;
import raftlab.raft.kv.KvOp;

/**
 * The one thread that owns the Raft server. Each round it takes what arrived (peer messages, client
 * and admin requests), ticks on the monotonic clock, then for every ready step: persists it with one
 * fsync (group commit: every entry appended since the last round), sends its messages, answers its
 * clients, and advances. Nothing leaves before the state it depends on is durable; a leader's
 * AppendEntries depend only on its term, so they leave before the fsync (see processReady).
 */
public final class NodeLoop implements Runnable {
    private static final int INBOX_CAPACITY = 200_000;
    private static final int MAX_ITEMS_PER_ROUND = 8192;
    private static final long NO_FSYNC_FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RaftServer server;
    private final RaftStorage storage;
    private final BiConsumer<String, Message> send;
    private final NodeMetrics metrics;
    private final NodeLog log;
    private final long tickNanos;
    private final int batchMaxEntries;
    private final long batchWaitNanos;
    private final boolean deferredFlush;
    private final boolean explain;
    private final BlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
    /** Request id to the caller waiting for its outcome; touched only by the loop thread. */
    private final Map<Long, CompletableFuture<Outcome>> waiting = new HashMap<>();
    private long nextRequestId = 1;
    private volatile Status status;
    private volatile String stoppedBecause;
    private volatile boolean running = true;
    private Role lastRole;

    public NodeLoop(RaftServer server, RaftStorage storage, BiConsumer<String, Message> send, NodeMetrics metrics, NodeLog log,
                    long tickMillis, int batchMaxEntries, long batchWaitMicros, boolean deferredFlush, boolean explain) {
        this.server = server;
        this.storage = storage;
        this.send = send;
        this.metrics = metrics;
        this.log = log;
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(tickMillis);
        this.batchMaxEntries = batchMaxEntries;
        this.batchWaitNanos = TimeUnit.MICROSECONDS.toNanos(batchWaitMicros);
        this.deferredFlush = deferredFlush;
        this.explain = explain;
        this.status = server.status();
    }

    /** Hands a peer message to the loop; dropped when the loop is far behind (Raft tolerates loss). */
    public boolean deliver(Message message) { return inbox.offer(new Inbound.PeerMessage(message)); }

    /** Submits a client operation; the future completes with its outcome, or null if the node could not take it. */
    public CompletableFuture<Outcome> submit(KvOp op, String clientId, long seq) {
        CompletableFuture<Outcome> reply = new CompletableFuture<>();
        if (stoppedBecause != null || !inbox.offer(new Inbound.ClientCall(op, clientId, seq, reply))) return null;
        return reply;
    }

    public CompletableFuture<Outcome> admin(AdminCommand command) {
        CompletableFuture<Outcome> reply = new CompletableFuture<>();
        if (stoppedBecause != null || !inbox.offer(new Inbound.AdminCall(command, reply))) return null;
        return reply;
    }

    /** The server's status as of the last tick (at most one tick old). */
    public Status status() { return status; }

    /** Why the node stopped serving (a storage failure), or null while it serves. */
    public String stoppedBecause() { return stoppedBecause; }

    public void stop() { running = false; }

    /** Stops the loop for a failure elsewhere in the node: requests get 503 with {@code reason}, and it stops leading. */
    public void halt(String reason) {
        if (stoppedBecause == null) stoppedBecause = reason;
        running = false;
    }

    @Override public void run() {
        long nextTick = System.nanoTime() + tickNanos;
        long nextFlush = System.nanoTime() + NO_FSYNC_FLUSH_NANOS;
        try {
            while (running) {
                long wait = nextTick - System.nanoTime();
                Inbound first = wait > 0 ? inbox.poll(wait, TimeUnit.NANOSECONDS) : inbox.poll();
                if (first != null) {
                    int clients = feed(first);
                    int items = 1;
                    Inbound next;
                    // Bounded, so that a flood of peer messages cannot starve the tick.
                    while (clients < batchMaxEntries && items < MAX_ITEMS_PER_ROUND && (next = inbox.poll()) != null) {
                        clients += feed(next);
                        items++;
                    }
                    if (clients > 0 && batchWaitNanos > 0) {
                        long deadline = System.nanoTime() + batchWaitNanos;
                        while (clients < batchMaxEntries) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0 || (next = inbox.poll(left, TimeUnit.NANOSECONDS)) == null) break;
                            clients += feed(next);
                        }
                    }
                }
                long now = System.nanoTime();
                if (now >= nextTick) {
                    server.tick(System.currentTimeMillis());
                    nextTick += tickNanos;
                    // After a long pause (GC, SIGSTOP), do not replay the missed ticks in a burst.
                    if (now - nextTick > 10 * tickNanos) nextTick = now + tickNanos;
                    publishStatus();
                }
                processReady();
                if (deferredFlush && now >= nextFlush) {
                    storage.flushDeferred();
                    nextFlush = now + NO_FSYNC_FLUSH_NANOS;
                }
            }
        } catch (StorageFailedException e) {
            stoppedBecause = e.getMessage();
            log.error("error: " + e.getMessage() + "; the node stopped serving so that its log stays intact: free space or fix the disk, then restart it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // The thread's handler (FailStop in a node) logs it and ends the process; waiters are answered first.
            stoppedBecause = "internal error: " + e;
            throw e;
        } finally {
            if (stoppedBecause == null) stoppedBecause = "the node is shutting down";
            Outcome unknown = new Outcome.Unknown(stoppedBecause);
            for (CompletableFuture<Outcome> reply : waiting.values()) reply.complete(unknown);
            waiting.clear();
            Inbound left;
            while ((left = inbox.poll()) != null) {
                // Never submitted: these certainly did not happen.
                if (left instanceof Inbound.ClientCall c) c.reply().complete(new Outcome.Rejected(stoppedBecause));
                else if (left instanceof Inbound.AdminCall a) a.reply().complete(new Outcome.Rejected(stoppedBecause));
            }
            stepDown();
        }
    }

    /** Feeds one item to the server; returns 1 for a client request (which will become an entry), else 0. */
    private int feed(Inbound item) {
        if (item instanceof Inbound.PeerMessage m) {
            server.receive(m.message());
            return 0;
        } else if (item instanceof Inbound.ClientCall c) {
            long id = nextRequestId++;
            waiting.put(id, c.reply());
            server.submit(new ClientRequest(id, c.clientId(), c.seq(), c.op()));
            return 1;
        } else if (item instanceof Inbound.AdminCall a) {
            long id = nextRequestId++;
            waiting.put(id, a.reply());
            server.admin(id, a.command());
            return 0;
        }
        throw new IllegalStateException("unknown inbound item " + item);
    }

    private void processReady() {
        while (server.hasReady()) {
            ServerReady ready = server.ready();
            if (ready.mustPersist()) {
                // A leader's appends may leave before its own fsync and be written by followers in parallel with it
                // (Raft dissertation 10.2.1): the core counts the leader's own log toward commitment only after
                // advance, i.e. after this fsync. Only when the term is already durable (no hard state in this step),
                // since the followers act on that term. Votes, responses and vote requests wait for the fsync.
                boolean early = ready.hardState() == null;
                if (early) for (Message message : ready.messages()) if (leaderReplication(message)) send.accept(message.to().value(), message);
                storage.persist(ready.snapshot(), ready.entries(), ready.hardState());
                for (Message message : ready.messages()) if (!early || !leaderReplication(message)) send.accept(message.to().value(), message);
            } else {
                for (Message message : ready.messages()) send.accept(message.to().value(), message);
            }
            for (ClientReply reply : ready.replies()) {
                CompletableFuture<Outcome> waiter = waiting.remove(reply.requestId());
                if (waiter != null) waiter.complete(reply.outcome());
            }
            for (String warning : ready.warnings()) log.info("raft: " + warning);
            if (explain) for (String note : ready.notes()) log.info("raft: " + note);
            server.advance(ready);
        }
    }

    /**
     * Once the loop ends (a storage failure, a halt, shutdown) the core is never stepped again: it sends no heartbeats, so
     * the others elect another leader. Say so in the status at once, instead of the last role the core had, so that
     * neither {@code /status} nor the 503s name this node, or a leader it can no longer hear from, as the leader.
     */
    private void stepDown() {
        Status s = server.status();
        status = new Status(s.id(), Role.FOLLOWER, s.term(), null, s.commit(), s.applied(), s.firstIndex(), s.lastIndex(),
                s.snapshotIndex(), s.configuration(), java.util.List.of());
        metrics.role = roleName(Role.FOLLOWER);
        if (s.role() == Role.LEADER) log.info("raft: no longer leader in term " + s.term() + ": " + stoppedBecause);
    }

    /** Messages that carry the leader's log and depend on nothing but its (already durable) term. */
    static boolean leaderReplication(Message message) {
        return message instanceof Message.AppendEntries || message instanceof Message.InstallSnapshot;
    }

    private void publishStatus() {
        Status s = server.status();
        status = s;
        if (s.role() != lastRole && (s.role() == Role.CANDIDATE)) metrics.elections.increment();
        if (s.role() != lastRole) log.info("raft: now " + s.role() + " in term " + s.term() + (s.leader() == null ? "" : ", leader " + s.leader()));
        lastRole = s.role();
        metrics.term = s.term();
        metrics.role = roleName(s.role());
        metrics.commit = s.commit();
        metrics.applied = s.applied();
        metrics.lastIndex = s.lastIndex();
        metrics.snapshotIndex = s.snapshotIndex();
    }

    public static String roleName(Role role) {
        return switch (role) {
            case LEADER -> "leader";
            case FOLLOWER -> "follower";
            case PRE_CANDIDATE, CANDIDATE -> "candidate";
            case LEARNER -> "learner";
        };
    }
}
