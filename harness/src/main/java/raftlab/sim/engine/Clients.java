package raftlab.sim.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import raftlab.history.OpType;
import raftlab.raft.ClientRequest;
import raftlab.raft.Outcome;
import raftlab.raft.kv.KvOp;
import raftlab.sim.SimOptions;
import raftlab.sim.Workload;

/**
 * Simulated clients running the register (or registers) workload. Each client is a Jepsen process with one
 * operation at a time; it talks to the node it believes leads, follows NotLeader hints, and when it cannot
 * know how an operation ended (timeout, Unknown) records :info and is replaced by a fresh process number.
 */
final class Clients {
    private static final int MAX_REDIRECTS = 3;
    private static final int RECENT_VALUES = 8;

    private final World world;
    private final SimOptions options;
    private final SplittableRandom random;
    private final Process[] processes;
    /** A request id carries the slot of its process in its low bits, so that a reply finds its operation without a map. */
    private static final int SLOT_BITS = 10;
    private final long[][] recentValues;
    private final int[] recentCounts;
    private long nextProcess;
    private long nextValue = 1;
    private long nextRequestId = 1;
    private long meanGapMicros;
    private boolean generating = true;
    private int open;
    /**
     * Operations in invocation order. Every operation gets the same timeout, so deadlines rise along this queue and
     * one timer event at its head replaces an event per operation (which kept the event queue ten times larger).
     */
    private final java.util.ArrayDeque<Pending> byDeadline = new java.util.ArrayDeque<>();
    private boolean timerArmed;

    private final class Process {
        int slot;
        long number;
        String clientId;
        long seq;
        int target;
        Pending pending;
    }

    private static final class Pending {
        Process process;
        String f;
        Object invokeValue;
        long key;
        KvOp op;
        long requestId;
        int redirects;
        long invokeMicros;
        long deadlineMicros;
        long seq;
    }

    Clients(World world, SimOptions options, SplittableRandom random) {
        this.world = world;
        this.options = options;
        this.random = random;
        this.processes = new Process[options.concurrency()];
        for (int i = 0; i < processes.length; i++) {
            processes[i] = new Process();
            processes[i].slot = i;
            retire(processes[i]);
        }
        int keys = options.workload() == Workload.REGISTERS ? options.keyCount() : 1;
        recentValues = new long[keys][RECENT_VALUES];
        recentCounts = new int[keys];
        meanGapMicros = Math.max(1, Math.round(1e6 / options.rate()));
    }

    void start() { world.schedule(world.now + 1 + random.nextLong(2 * meanGapMicros), this::generate); }

    void stopGenerating() { generating = false; }

    boolean idle() { return open == 0; }

    private void generate() {
        if (!generating) return;
        int start = random.nextInt(processes.length);
        for (int i = 0; i < processes.length; i++) {
            Process p = processes[(start + i) % processes.length];
            if (p.pending == null) {
                invoke(p);
                break;
            }
        }
        world.schedule(world.now + 1 + random.nextLong(2 * meanGapMicros), this::generate);
    }

    private void invoke(Process p) {
        Pending op = new Pending();
        op.process = p;
        op.invokeMicros = world.now;
        op.seq = ++p.seq;
        boolean many = options.workload() == Workload.REGISTERS;
        op.key = many ? random.nextInt(options.keyCount()) : 0;
        String key = many ? "k" + op.key : "r";
        double choice = random.nextDouble();
        long expect = choice >= 0.7 ? recentValue((int) op.key) : -1;
        if (choice < 0.4) {
            op.f = "read";
            op.op = new KvOp.Get(key);
            op.invokeValue = null;
        } else if (expect < 0) {
            long v = nextValue++;
            op.f = "write";
            op.op = new KvOp.Put(key, Long.toString(v));
            op.invokeValue = v;
            remember((int) op.key, v);
        } else {
            long v = nextValue++;
            op.f = "cas";
            op.op = new KvOp.Cas(key, Long.toString(expect), Long.toString(v));
            op.invokeValue = List.of(expect, v);
        }
        p.pending = op;
        open++;
        world.history.add(world.now, OpType.INVOKE, p.number, op.f, value(op, op.invokeValue), null);
        if (world.trace.on) {
            StringBuilder b = world.trace.begin(world.now, "invoke");
            Trace.num(b, "process", p.number);
            Trace.str(b, "f", op.f);
            Trace.str(b, "op", String.valueOf(op.op));
            world.trace.end();
        }
        send(op);
        op.deadlineMicros = world.now + options.opTimeoutMicros();
        byDeadline.add(op);
        if (!timerArmed) armTimer(op.deadlineMicros);
    }

    private void armTimer(long at) {
        timerArmed = true;
        world.schedule(at, this::timeouts);
    }

    private void timeouts() {
        timerArmed = false;
        Pending head;
        while ((head = byDeadline.peek()) != null && head.deadlineMicros <= world.now) {
            byDeadline.poll();
            if (head.process.pending == head) complete(head, OpType.INFO, head.invokeValue, "timeout");
        }
        if (head != null) armTimer(head.deadlineMicros);
    }

    private void send(Pending op) {
        op.requestId = (nextRequestId++ << SLOT_BITS) | op.process.slot;
        ClientRequest request = new ClientRequest(op.requestId, op.process.clientId, op.seq, op.op);
        int target = op.process.target;
        world.schedule(world.now + world.network.clientLatency(), () -> world.clientRequestArrives(target, request));
    }

    /** A node answered; the answer reaches the client after the network's latency. */
    void replyFrom(int node, long requestId, Outcome outcome) {
        world.schedule(world.now + world.network.clientLatency(), () -> onOutcome(node, requestId, outcome));
    }

    /** The node was down when the request arrived: the connection was refused, so nothing was appended. */
    void refused(int node, long requestId) {
        world.schedule(world.now + world.network.clientLatency(), () -> onOutcome(node, requestId, null));
    }

    private void onOutcome(int node, long requestId, Outcome outcome) {
        Pending op = processes[(int) (requestId & ((1 << SLOT_BITS) - 1))].pending;
        if (op == null || op.requestId != requestId) return; // answered after a timeout, or a retry's older answer
        if (outcome == null) {
            redirect(op, -1, "connection-refused");
            return;
        }
        if (outcome instanceof Outcome.Ok ok) {
            Object result = op.f.equals("read") ? parse(ok.value()) : op.invokeValue;
            if (op.f.equals("read") && result instanceof Long v) remember((int) op.key, v);
            complete(op, OpType.OK, result, null);
            if (!op.f.equals("read")) world.onWriteOk(op.invokeMicros);
        } else if (outcome instanceof Outcome.Mismatch mismatch) {
            Object actual = parse(mismatch.actual());
            if (actual instanceof Long v) remember((int) op.key, v);
            complete(op, OpType.FAIL, op.invokeValue, "mismatch");
        } else if (outcome instanceof Outcome.NotLeader notLeader) {
            redirect(op, notLeader.leader() == null ? -1 : world.indexOf(notLeader.leader()), "not-leader");
        } else if (outcome instanceof Outcome.Rejected) {
            complete(op, OpType.FAIL, op.invokeValue, "rejected");
        } else if (outcome instanceof Outcome.SeqReused) {
            complete(op, OpType.FAIL, op.invokeValue, "request-seq-reused");
        } else if (outcome instanceof Outcome.Unknown) {
            complete(op, OpType.INFO, op.invokeValue, "unknown");
        } else {
            throw new IllegalStateException("unknown outcome " + outcome);
        }
    }

    /** Nothing was appended, so trying another node is safe; after a few tries the operation fails. */
    private void redirect(Pending op, int hint, String error) {
        int n = world.nodeCount();
        op.process.target = hint >= 0 && hint != op.process.target ? hint : (op.process.target + 1 + random.nextInt(n - 1)) % n;
        if (++op.redirects > MAX_REDIRECTS) {
            complete(op, OpType.FAIL, op.invokeValue, error);
        } else {
            send(op);
        }
    }

    private void complete(Pending op, OpType type, Object result, String error) {
        Process p = op.process;
        p.pending = null;
        open--;
        switch (type) {
            case OK -> world.stats.opsOk++;
            case FAIL -> world.stats.opsFail++;
            case INFO -> world.stats.opsInfo++;
            case INVOKE -> throw new IllegalStateException("an invocation does not complete an operation");
        }
        world.history.add(world.now, type, p.number, op.f, value(op, result), error);
        if (world.trace.on) {
            StringBuilder b = world.trace.begin(world.now, "complete");
            Trace.num(b, "process", p.number);
            Trace.str(b, "type", type.keyword());
            Trace.str(b, "f", op.f);
            Trace.str(b, "value", String.valueOf(result));
            Trace.str(b, "error", error);
            world.trace.end();
        }
        if (type == OpType.INFO) retire(p);
        if (!generating && open == 0) world.clientsIdle();
    }

    /** Jepsen's rule: a process whose last operation is unknown never runs again; a fresh one takes its slot. */
    private void retire(Process p) {
        p.number = nextProcess++;
        p.clientId = "c" + p.number;
        p.seq = 0;
        p.target = random.nextInt(world.nodeCount());
    }

    private Object value(Pending op, Object v) {
        if (options.workload() != Workload.REGISTERS) return v;
        return Collections.unmodifiableList(Arrays.asList(op.key, v));
    }

    private void remember(int key, long value) {
        recentValues[key][recentCounts[key] % RECENT_VALUES] = value;
        recentCounts[key]++;
    }

    /** A value this key recently had (as far as the clients saw), or -1 if none yet. */
    private long recentValue(int key) {
        int count = Math.min(recentCounts[key], RECENT_VALUES);
        return count == 0 ? -1 : recentValues[key][random.nextInt(count)];
    }

    private static Object parse(String json) {
        if (json == null || json.equals("null")) return null;
        try {
            return Long.parseLong(json);
        } catch (NumberFormatException e) {
            return json;
        }
    }
}
