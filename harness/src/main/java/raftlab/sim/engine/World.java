package raftlab.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import raftlab.harness.history.HistoryRecorder;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.raft.ClientReply;
import raftlab.raft.Outcome;
import raftlab.raft.ClientRequest;
import raftlab.raft.Message;
import raftlab.raft.NodeId;
import raftlab.raft.RaftConfig;
import raftlab.raft.Role;
import raftlab.raft.ServerReady;
import raftlab.sim.NodeRow;
import raftlab.sim.SimListener;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Violation;
import raftlab.sim.Violation.Invariant;

/**
 * One simulated run: the event loop in virtual time (microseconds), the nodes, network, clients, nemesis and
 * invariant checks. Every random choice comes from one seed, split into a stream per concern, so that a
 * run is a pure function of its options.
 */
public final class World {
    /** The core's tick: RaftConfig's defaults assume 10 ms. */
    static final long TICK_MICROS = 10_000;

    final SimOptions options;
    final SimNode[] nodes;
    final Counters stats = new Counters();
    /** The one recorder of every lab, on virtual time: :time is the simulated nanoseconds since the run began. */
    final HistoryRecorder history = HistoryRecorder.onClock(() -> this.now * 1000);
    final Trace trace;
    final Network network;
    long now;

    private final EventQueue queue = new EventQueue();
    private final ServerFactory factory;
    private final SimListener listener;
    private final RaftConfig config;
    private final SplittableRandom serverRandoms;
    private final SplittableRandom diskRandom;
    private final SimClients clients;
    private final Scenarios scenarios;
    /** The nemesis every lab shares, playing the run's schedule through the sim lab's executor. */
    private final ScheduledNemesis nemesis;
    private final Invariants invariants;
    private final List<Violation> violations = new ArrayList<>();
    private boolean stopped;
    private boolean healed;
    private long healAt = -1;
    private long livenessMicros = -1;
    private long adminRequests;

    public World(SimOptions options, ServerFactory factory, SimListener listener) {
        this.options = options;
        this.factory = factory;
        this.listener = listener;
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom networkRandom = root.split();
        // The clients draw from the real labs' streams (Seeds) now; their old stream is still split off, so the ones after it stay.
        root.split();
        SplittableRandom nemesisRandom = root.split();
        SplittableRandom clockRandom = root.split();
        this.serverRandoms = root.split();
        this.diskRandom = root.split();
        int n = options.nodeCount();
        this.nodes = new SimNode[n];
        List<NodeId> voters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes[i] = new SimNode(i, !options.bugs().has(raftlab.raft.Bug.NO_FSYNC));
            voters.add(nodes[i].id);
        }
        RaftConfig d = RaftConfig.defaults(voters);
        this.config = new RaftConfig(voters, d.electionTicksMin(), d.heartbeatTicks(), options.readMode(), d.clockDriftBound(),
                d.maxEntriesPerAppend(), d.maxInflightAppends(), options.snapshotEveryEntries(), d.snapshotChunkBytes(), d.maxSessions(),
                d.requestTimeoutTicks(), options.explain());
        for (SimNode node : nodes) {
            node.tickPhaseMicros = clockRandom.nextLong(TICK_MICROS);
            if (options.faults().clockDrift()) {
                // Rates within +-45% of half the bound keep any two clocks within the bound lease reads assume.
                node.clockRate = 1.0 + (clockRandom.nextDouble() * 2 - 1) * config.clockDriftBound() * 0.45;
                node.wallOffsetMicros = clockRandom.nextLong(-5_000_000, 5_000_000);
                node.baseWallOffsetMicros = node.wallOffsetMicros;
            }
        }
        this.trace = new Trace(options.traceFile(), options.traceDigest());
        this.network = new Network(this, networkRandom, n, options.faults());
        this.clients = new SimClients(this, options);
        this.scenarios = new Scenarios(this, options, nemesisRandom);
        this.nemesis = new ScheduledNemesis(this, n, options.seed(), options.playedSchedule(), options.timeLimitMicros(), history);
        this.invariants = new Invariants(this);
    }

    public SimResult run() {
        long wallStart = System.nanoTime(); // for the statistics only; nothing in the run reads it
        long cpuStart = cpuNanos();
        try (trace) {
            if (trace.on) {
                StringBuilder b = trace.begin(0, "start");
                Trace.str(b, "options", options.commandLine());
                trace.end();
            }
            for (SimNode node : nodes) schedule(0, () -> start(node)); // as events, so that a failing core is reported like any finding
            clients.start();
            scenarios.start();
            nemesis.start();
            schedule(options.timeLimitMicros(), this::heal);
            long hardEnd = options.timeLimitMicros() + options.healBoundMicros() + options.opTimeoutMicros() + 1;
            while (!stopped && !queue.isEmpty() && queue.peekTime() <= hardEnd) {
                Event e = queue.poll();
                now = queue.lastTime();
                stats.events++;
                try {
                    e.fire();
                } catch (RuntimeException failure) {
                    violation(Invariant.NO_EXCEPTION, null, describe(failure));
                }
            }
            if (trace.on) {
                StringBuilder b = trace.begin(now, "end");
                Trace.num(b, "events", stats.events);
                Trace.num(b, "violations", violations.size());
                trace.end();
            }
        }
        List<NodeRow> table = new ArrayList<>();
        for (SimNode node : nodes) table.add(row(node));
        return new SimResult(options, history.snapshot(), List.copyOf(violations), stats.freeze(now, System.nanoTime() - wallStart, cpuStart < 0 ? -1 : cpuNanos() - cpuStart),
                table, livenessMicros, trace.digestHex());
    }

    private static long cpuNanos() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    void schedule(long time, Event event) { queue.schedule(time, event); }

    int nodeCount() { return nodes.length; }

    int indexOf(NodeId id) {
        String v = id.value();
        int k = 0;
        for (int i = 1; i < v.length(); i++) k = k * 10 + (v.charAt(i) - '0');
        return k - 1;
    }

    boolean healed() { return healed; }

    // ---- nodes and their inputs

    private void start(SimNode node) {
        node.server = factory.create(node.id, config, serverRandoms.split(), options.bugs(), node.disk.durable().toPersistentState());
        node.alive = true;
        node.paused = false;
        node.lastRole = Role.FOLLOWER;
        node.lastTerm = -1;
        node.lastCommit = -1;
        node.appliedInStep.clear();
        schedule(node.tickTime(node.nextTickNumber(now, TICK_MICROS), TICK_MICROS), new Ticker(node));
        afterInput(node);
    }

    /** A node's tick timer, at the rate of its own clock; a paused node skips ticks, a crashed one's timer dies. */
    private final class Ticker implements Event {
        private final SimNode node;
        private final int incarnation;
        private long k;

        Ticker(SimNode node) {
            this.node = node;
            this.incarnation = node.incarnation;
            this.k = node.nextTickNumber(now, TICK_MICROS);
        }

        @Override public void fire() {
            if (node.incarnation != incarnation) return;
            if (!node.paused) {
                node.server.tick(node.wallClockMillis(now));
                afterInput(node);
            }
            k++;
            schedule(node.tickTime(k, TICK_MICROS), this);
        }
    }

    void deliver(int from, int to, Message message) {
        SimNode node = nodes[to];
        if (!node.alive) {
            stats.messagesDropped++;
            if (trace.on) traceMessage("lost", from, to, message);
            return;
        }
        if (node.paused) {
            node.inbox.add(message);
            return;
        }
        stats.messagesDelivered++;
        if (trace.on) traceMessage("deliver", from, to, message);
        node.server.receive(message);
        afterInput(node);
    }

    void clientRequestArrives(int target, ClientRequest request) {
        SimNode node = nodes[target];
        if (!node.alive) {
            clients.refused(target, request.requestId());
            return;
        }
        if (node.paused) {
            node.inbox.add(request);
            return;
        }
        node.server.submit(request);
        afterInput(node);
    }

    /** Drains the node's readies in the order ServerReady prescribes, then checks the invariants. */
    private void afterInput(SimNode node) {
        SimServer server = node.server;
        if (stopped || !server.hasReady()) return;
        int rounds = 0;
        do {
            ServerReady ready = server.ready();
            handle(node, ready);
            if (stopped) return;
            server.advance(ready);
            if (++rounds > 10_000) throw new IllegalStateException(node.name + " keeps producing readies");
        } while (server.hasReady());
        invariants.afterStep(node);
    }

    private void handle(SimNode node, ServerReady ready) {
        if (ready.mustPersist()) {
            if (!ready.entries().isEmpty()) invariants.beforePersist(node, ready);
            if (stopped) return;
            node.disk.write(ready.snapshot(), ready.entries(), ready.hardState());
            invariants.afterPersist(node, ready);
            if (stopped) return;
            if (node.disk.hasUnsynced()) scheduleFlush(node);
        }
        List<Message> messages = ready.messages();
        for (int i = 0; i < messages.size(); i++) network.send(node.index, messages.get(i));
        List<ClientReply> replies = ready.replies();
        for (int i = 0; i < replies.size(); i++) {
            ClientReply reply = replies.get(i);
            if (reply.requestId() < 0) adminReply(node, reply);
            else {
                clients.replyFrom(node.index, reply.requestId(), reply.outcome());
                if (reply.outcome() instanceof Outcome.Ok || reply.outcome() instanceof Outcome.Mismatch) scenarios.onClientAnswer(node.index);
            }
        }
        if (!ready.applied().isEmpty()) node.appliedInStep.addAll(ready.applied());
        if (options.explain()) for (String note : ready.notes()) explain(node, note);
    }

    /** Without fsync, the page cache reaches the disk some time later, unless the node crashes first. */
    private void scheduleFlush(SimNode node) {
        int incarnation = node.incarnation;
        schedule(now + 50_000 + diskRandom.nextLong(450_000), () -> {
            if (node.incarnation == incarnation) node.disk.flush();
        });
    }

    // ---- faults
    //
    // Two callers: the shared nemesis of every lab, through the sim lab's executor (SimLabControl), which records what
    // each fault did itself; and the simulator's own scripted scenarios (figure 8, double vote, split brain, ...), whose
    // steps are recorded here. The primitives below record nothing.

    /** The node stops at once; writes its disk had not synced are lost. */
    public void crashNode(int index) {
        SimNode node = nodes[index];
        if (!node.alive) return;
        node.alive = false;
        node.paused = false;
        node.server = null;
        node.incarnation++;
        node.inbox.clear();
        node.disk.crash();
        stats.crashes++;
        narrate("crashed " + node.name);
        invariants.checkCommittedDurable(node);
    }

    public void restartNode(int index) {
        SimNode node = nodes[index];
        if (node.alive) return;
        stats.restarts++;
        narrate("restarted " + node.name);
        start(node);
    }

    public void pauseNode(int index) {
        SimNode node = nodes[index];
        if (!node.alive || node.paused) return;
        node.paused = true;
        stats.pauses++;
        narrate("paused " + node.name);
    }

    public void resumeNode(int index) {
        SimNode node = nodes[index];
        if (!node.alive || !node.paused) return;
        node.paused = false;
        narrate("resumed " + node.name);
        int incarnation = node.incarnation;
        while (!node.inbox.isEmpty() && !stopped && node.incarnation == incarnation && !node.paused) {
            Object input = node.inbox.poll();
            if (input instanceof Message m) {
                stats.messagesDelivered++;
                node.server.receive(m);
            } else {
                node.server.submit((ClientRequest) input);
            }
            afterInput(node);
        }
    }

    public boolean isAlive(int index) { return nodes[index].alive; }

    public String nodeName(int index) { return nodes[index].name; }

    /** Sets which node's packets reach which: {@code reachable[from][to]}; a node always reaches itself. */
    public void cut(boolean[][] reachable) {
        network.cut(reachable);
        stats.partitions++;
        narrate("network cut");
    }

    public void healNetwork() {
        network.heal();
        narrate("network healed");
    }

    /** Drops this fraction of the messages between nodes, at random. */
    public void dropMessages(double fraction) { network.drop(fraction); }

    /** Sets the node's wall clock to its own drifting clock plus {@code offsetMicros} (0: back to where it was). */
    public void setClockOffset(int index, long offsetMicros) {
        nodes[index].wallOffsetMicros = nodes[index].baseWallOffsetMicros + offsetMicros;
        narrate("clock of " + nodes[index].name + " offset " + offsetMicros / 1000 + " ms");
    }

    /** Runs {@code action} at virtual time now + {@code delayMicros}. */
    public void after(long delayMicros, Runnable action) { schedule(now + Math.max(0, delayMicros), action::run); }

    /** The nemesis asks a leader to hand over; admin requests have negative ids so that clients never see their replies. */
    public String transferLeadership(int leader, int target) {
        SimNode node = nodes[leader];
        if (!node.alive) return "not running";
        if (node.paused) return "paused";
        node.server.admin(-(++adminRequests), new raftlab.raft.AdminCommand.TransferLeadership(nodes[target].id));
        afterInput(node);
        return "asked";
    }

    /** The running node that leads the highest term, or -1. */
    public int currentLeader() {
        int best = -1;
        long bestTerm = -1;
        for (SimNode node : nodes) {
            if (!node.alive || node.server.role() != Role.LEADER) continue;
            long term = node.server.term();
            if (term > bestTerm) {
                bestTerm = term;
                best = node.index;
            }
        }
        return best;
    }

    // Recorded steps of the scripted scenarios.

    void crash(int index) {
        crashNode(index);
        nemesisOp("kill", nodes[index].name);
    }

    void restart(int index) {
        nemesisOp("start", nodes[index].name);
        restartNode(index);
    }

    private void adminReply(SimNode node, ClientReply reply) {
        if (trace.on) {
            StringBuilder b = trace.begin(now, "admin-reply");
            Trace.str(b, "node", node.name);
            Trace.str(b, "outcome", String.valueOf(reply.outcome()));
            trace.end();
        }
        if (options.explain()) explain(node, "answered the nemesis's admin request: " + reply.outcome());
    }

    void partition(int[][] groups, String shape) {
        network.partition(groups);
        stats.partitions++;
        StringBuilder text = new StringBuilder(shape);
        for (int[] group : groups) {
            text.append(" [");
            for (int i = 0; i < group.length; i++) text.append(i == 0 ? "" : " ").append(nodes[group[i]].name);
            text.append(']');
        }
        nemesisOp("start-partition", text.toString());
    }

    void healPartition() {
        network.heal();
        nemesisOp("stop-partition", null);
    }

    /** The time limit: every fault ends, and the cluster must now converge (liveness). */
    private void heal() {
        healed = true;
        healAt = now;
        nemesis.healAll();
        // What the scripted scenarios left: they keep no book the shared nemesis could read.
        if (network.partitioned()) network.heal();
        network.calm();
        for (SimNode node : nodes) {
            if (!node.alive) restartNode(node.index);
            else if (node.paused) resumeNode(node.index);
        }
        schedule(now + options.healBoundMicros(), () -> {
            if (livenessMicros < 0) {
                violation(Invariant.LIVENESS, null, "no write committed within " + options.healBoundMicros() / 1000
                        + " ms after every fault healed (committed index " + invariants.committedIndex() + ")");
            }
        });
    }

    void onWriteOk(long invokeMicros) {
        if (!healed || livenessMicros >= 0 || invokeMicros < healAt) return;
        livenessMicros = now - healAt;
        clients.stopGenerating();
        if (clients.idle()) stopped = true;
    }

    void clientsIdle() {
        if (healed && livenessMicros >= 0) stopped = true;
    }

    private void nemesisOp(String f, String value) {
        history.record(OpType.INFO, Op.NEMESIS, f, value, null);
        if (trace.on) {
            StringBuilder b = trace.begin(now, "nemesis");
            Trace.str(b, "f", f);
            Trace.str(b, "value", value);
            trace.end();
        }
        if (options.explain()) listener.explain(now, null, "nemesis " + f + (value == null ? "" : " " + value));
    }

    /** A line of the nemesis's narration (with --explain): what a fault did to the simulated cluster. */
    private void narrate(String line) {
        if (options.explain()) listener.explain(now, null, "nemesis: " + line);
    }

    // ---- reporting

    void violation(Invariant invariant, SimNode node, String detail) {
        Violation v = new Violation(invariant, now, node == null ? null : node.name, detail, options.bugs().any());
        if (violations.size() < SimResult.MAX_VIOLATIONS) violations.add(v);
        if (!options.keepGoing() || invariant == Invariant.NO_EXCEPTION) stopped = true;
        if (trace.on) {
            StringBuilder b = trace.begin(now, "violation");
            Trace.str(b, "invariant", invariant.name());
            Trace.str(b, "node", v.node());
            Trace.str(b, "detail", detail);
            trace.end();
        }
    }

    void onLeaderElected(SimNode node, long term) {
        if (trace.on) {
            StringBuilder b = trace.begin(now, "leader");
            Trace.str(b, "node", node.name);
            Trace.num(b, "term", term);
            trace.end();
        }
        if (options.explain()) explain(node, "became leader of term " + term);
        scenarios.onLeaderElected(node.index);
        nemesis.onLeaderElected();
    }

    void onCommit(SimNode node, long from, long to) {
        if (trace.on) {
            StringBuilder b = trace.begin(now, "commit");
            Trace.str(b, "node", node.name);
            Trace.num(b, "index", to);
            trace.end();
        }
        if (options.explain()) explain(node, "commit index " + from + " -> " + to);
    }

    void explain(SimNode node, String line) { listener.explain(now, node.name, line); }

    void traceMessage(String kind, int from, int to, Message m) {
        trace.message(now, kind, nodes[from].name, nodes[to].name, m);
    }

    private static String describe(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        String where = stack.length == 0 ? "" : " at " + stack[0];
        return failure + where;
    }

    private NodeRow row(SimNode node) {
        if (node.alive) {
            var s = node.server.status();
            String role = node.server.role().name().toLowerCase(java.util.Locale.ROOT);
            return new NodeRow(node.name, role, s.term(), node.state(), s.lastIndex(), s.lastIndex() - s.snapshotIndex(),
                    s.snapshotIndex(), s.commit(), s.applied());
        }
        LogStore disk = node.disk.durable();
        return new NodeRow(node.name, "-", disk.hardState().term(), node.state(), disk.lastIndex(),
                disk.lastIndex() - disk.snapshotIndex(), disk.snapshotIndex(), disk.hardState().commit(), -1);
    }
}
