package raftlab.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import raftlab.raft.kv.KvOp;

/**
 * A deterministic in-memory cluster for tests: servers, their disks, and a network that holds
 * messages until a test delivers, drops or reorders them. Messages between servers on different
 * sides of a cut are dropped at delivery.
 */
final class TestCluster {
    final TreeMap<NodeId, RaftServer> servers = new TreeMap<>();
    final TreeMap<NodeId, MemoryDisk> disks = new TreeMap<>();
    final TreeMap<NodeId, Bugs> bugs = new TreeMap<>();
    final TreeMap<NodeId, RaftConfig> configs = new TreeMap<>();
    final TreeSet<NodeId> down = new TreeSet<>();
    /** How many times each server was restarted: a restarted server re-learns its commit index. */
    final TreeMap<NodeId, Integer> generation = new TreeMap<>();
    final ArrayList<Message> network = new ArrayList<>();
    final TreeMap<Long, Outcome> replies = new TreeMap<>();
    /** The tick at which each reply arrived. */
    final TreeMap<Long, Long> replyTick = new TreeMap<>();
    long ticks;
    /** Every entry each server applied, in order (for state machine safety). */
    final TreeMap<NodeId, List<Entry>> applied = new TreeMap<>();
    final List<String> notes = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final TreeSet<String> cuts = new TreeSet<>();
    private final SplittableRandom random;
    private long nextRequestId = 1;
    long wallMillis = 1_000_000;
    /** A hash of every message sent, in order, over their wire encoding: equal traces give equal hashes. */
    long traceHash = 17;

    TestCluster(long seed) { this.random = new SplittableRandom(seed); }

    static RaftConfig config(List<NodeId> voters) {
        return new RaftConfig(voters, 10, 2, ReadMode.READ_INDEX, 0.05, 4, 4, 0, 64, 100, 200, false);
    }

    static List<NodeId> ids(int n) {
        List<NodeId> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) ids.add(NodeId.of("n" + i));
        return ids;
    }

    static TestCluster of(int n, long seed) {
        TestCluster c = new TestCluster(seed);
        List<NodeId> ids = ids(n);
        for (NodeId id : ids) c.add(id, config(ids), Bugs.NONE);
        return c;
    }

    static NodeId n(int i) { return NodeId.of("n" + i); }

    void add(NodeId id, RaftConfig config, Bugs bugs) {
        configs.put(id, config);
        this.bugs.put(id, bugs);
        disks.put(id, new MemoryDisk());
        applied.put(id, new ArrayList<>());
        servers.put(id, new RaftServer(id, config, new SplittableRandom(random.nextLong()), bugs, PersistentState.empty()));
    }

    /** Replaces a server by one restored from {@code state}, as if its disk had held it. */
    void load(NodeId id, PersistentState state) {
        MemoryDisk disk = new MemoryDisk();
        disk.hardState = state.hardState();
        disk.snapshot = state.snapshot();
        for (Entry e : state.entries()) disk.entries.put(e.index(), e);
        disks.put(id, disk);
        restart(id);
    }

    RaftServer server(int i) { return servers.get(n(i)); }

    /** Restarts a server from its disk: everything in memory is lost. */
    void restart(NodeId id) {
        servers.put(id, new RaftServer(id, configs.get(id), new SplittableRandom(random.nextLong()), bugs.get(id), disks.get(id).load()));
        down.remove(id);
        generation.merge(id, 1, Integer::sum);
        drain(id);
    }

    void crash(NodeId id) { down.add(id); }

    // ---- network ----

    void cut(NodeId a, NodeId b) {
        cuts.add(a + "|" + b);
        cuts.add(b + "|" + a);
    }

    /** Cuts every link between {@code side} and the rest. */
    void isolate(NodeId... side) {
        TreeSet<NodeId> inside = new TreeSet<>(List.of(side));
        for (NodeId a : servers.keySet()) for (NodeId b : servers.keySet()) if (inside.contains(a) != inside.contains(b)) cut(a, b);
    }

    void heal() { cuts.clear(); }

    boolean connected(NodeId a, NodeId b) { return !cuts.contains(a + "|" + b); }

    /** Persists and collects everything the server has ready, as the node binary would. */
    void drain(NodeId id) {
        if (down.contains(id)) return;
        RaftServer s = servers.get(id);
        for (int rounds = 0; s.hasReady(); rounds++) {
            if (rounds > 10_000) throw new AssertionError(id + " keeps having something ready: advance() must reach a fixed point");
            ServerReady ready = s.ready();
            disks.get(id).persist(ready);
            network.addAll(ready.messages());
            for (Message m : ready.messages()) traceHash = traceHash * 31 + java.util.Arrays.hashCode(raftlab.raft.codec.WireCodec.encode(m));
            if (network.size() > 100_000) throw new AssertionError("runaway: " + network.size() + " messages in flight, e.g. " + network.get(network.size() - 1));
            for (ClientReply reply : ready.replies()) {
                if (replies.put(reply.requestId(), reply.outcome()) != null) throw new AssertionError("request " + reply.requestId() + " answered twice");
                replyTick.put(reply.requestId(), ticks);
            }
            applied.get(id).addAll(ready.applied());
            notes.addAll(ready.notes());
            warnings.addAll(ready.warnings());
            s.advance(ready);
        }
    }

    void drainAll() { for (NodeId id : servers.keySet()) drain(id); }

    /** Delivers every message now in flight that {@code drop} does not reject; returns how many were delivered. */
    int deliverAll(Predicate<Message> drop) {
        drainAll();
        List<Message> batch = new ArrayList<>(network);
        network.clear();
        int delivered = 0;
        for (Message m : batch) {
            if (down.contains(m.to()) || down.contains(m.from()) || !connected(m.from(), m.to()) || drop.test(m)) continue;
            RaftServer to = servers.get(m.to());
            if (to == null) continue;
            to.receive(m);
            delivered++;
            drain(m.to());
        }
        return delivered;
    }

    int deliverAll() { return deliverAll(m -> false); }

    /** Delivers until the network is quiet (no ticks). */
    void stabilize() {
        for (int i = 0; i < 1000; i++) {
            drainAll();
            if (network.isEmpty()) return;
            deliverAll();
        }
        throw new AssertionError("network did not quiesce");
    }

    void tickAll() {
        wallMillis += 10;
        ticks++;
        for (NodeId id : servers.keySet()) {
            if (down.contains(id)) continue;
            servers.get(id).tick(wallMillis);
            drain(id);
        }
    }

    /** Ticks and delivers everything, {@code ticks} times. */
    void run(int ticks) {
        for (int i = 0; i < ticks; i++) {
            tickAll();
            stabilize();
        }
    }

    NodeId leader() {
        NodeId found = null;
        long bestTerm = -1;
        for (var e : servers.entrySet()) {
            if (down.contains(e.getKey()) || !e.getValue().isLeader()) continue;
            if (e.getValue().term() > bestTerm) {
                bestTerm = e.getValue().term();
                found = e.getKey();
            }
        }
        return found;
    }

    /** Runs until some server leads; fails after {@code maxTicks}. */
    NodeId electLeader(int maxTicks) {
        for (int i = 0; i < maxTicks; i++) {
            NodeId l = leader();
            if (l != null && servers.get(l).commitIndex() >= servers.get(l).lastIndex()) return l;
            tickAll();
            stabilize();
        }
        throw new AssertionError("no leader after " + maxTicks + " ticks");
    }

    /** Makes {@code id} leader by telling it to campaign (a TimeoutNow from nobody in particular). */
    void campaign(NodeId id) {
        RaftServer s = servers.get(id);
        s.receive(new Message.TimeoutNow(s.term(), id, id));
        drain(id);
    }

    long submit(NodeId to, KvOp op) { return submit(to, null, 0, op); }

    long submit(NodeId to, String clientId, long seq, KvOp op) {
        long id = nextRequestId++;
        servers.get(to).submit(new ClientRequest(id, clientId, seq, op));
        drain(to);
        return id;
    }

    long admin(NodeId to, AdminCommand command) {
        long id = nextRequestId++;
        servers.get(to).admin(id, command);
        drain(to);
        return id;
    }

    Outcome reply(long requestId) { return replies.get(requestId); }
}
