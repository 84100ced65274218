package raftlab.sim.engine;

import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import raftlab.harness.client.Answers;
import raftlab.harness.client.Client;
import raftlab.harness.client.Completion;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.generator.Step;
import raftlab.harness.runner.ClientThread;
import raftlab.harness.runner.Seeds;
import raftlab.harness.workload.Workload;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.raft.ClientRequest;
import raftlab.raft.Outcome;
import raftlab.raft.kv.KvOp;
import raftlab.sim.SimOptions;

/**
 * The simulator's side of the clients: the same workload generators, client threads, recorder and
 * answer mapping as the real labs, driven in virtual time. What is the simulator's own is only the
 * transport ({@link SimClient}): a request travels to a node as a message, and the node's outcome comes
 * back as the status the node's HTTP API would answer. Each thread's generator and random stream come
 * from the seed exactly as in a real lab ({@link Seeds#stream}), so one seed asks the same operations.
 */
final class SimClients {
    /** A request id carries the thread of its client in its low bits, so that an answer finds its operation without a map. */
    private static final int SLOT_BITS = 10;

    private final World world;
    private final SimOptions options;
    private final ClientThread[] threads;
    private final Generator[] generators;
    private final SplittableRandom[] randoms;
    private final SimClient[] current;
    private final long[] wakeToken;
    private final boolean[] busy;
    private long nextRequestId = 1;
    private boolean generating = true;
    private int open;
    /**
     * Operations in invocation order. Every operation gets the same timeout, so deadlines rise along this queue and
     * one timer event at its head replaces an event per operation (which kept the event queue ten times larger).
     */
    private final ArrayDeque<Pending> byDeadline = new ArrayDeque<>();
    private boolean timerArmed;

    SimClients(World world, SimOptions options) {
        this.world = world;
        this.options = options;
        int c = options.concurrency();
        Workload workload = Workload.byName(options.workload().cliName(), c);
        threads = new ClientThread[c];
        generators = new Generator[c];
        randoms = new SplittableRandom[c];
        current = new SimClient[c];
        wakeToken = new long[c];
        busy = new boolean[c];
        for (int t = 0; t < c; t++) {
            int thread = t;
            threads[t] = new ClientThread(t, c, world.history, process -> open(thread, process));
            // The pacing of every lab: Jepsen's stagger for the total rate over all threads.
            generators[t] = Generators.rate(options.rate(), workload.clientOps().forThread(t));
            randoms[t] = Seeds.stream(options.seed(), 1, t);
        }
    }

    void start() {
        for (int t = 0; t < threads.length; t++) wake(t);
    }

    void stopGenerating() { generating = false; }

    boolean idle() { return open == 0; }

    private void wakeAt(int t, long micros) {
        long token = ++wakeToken[t];
        world.schedule(Math.max(world.now, micros), () -> {
            if (wakeToken[t] == token) wake(t);
        });
    }

    private void wake(int t) {
        if (!generating || busy[t]) return;
        busy[t] = true; // before the step: the completion arrives in a later event, never inside it
        long invokeMicros = world.now;
        Step step = threads[t].step(generators[t], randoms[t], (op, done) -> completed(t, op, done, invokeMicros));
        if (step instanceof Step.Emit) {
            open++;
            return;
        }
        busy[t] = false;
        if (step instanceof Step.Wait wait) wakeAt(t, (wait.untilNanos() + 999) / 1000);
    }

    private void completed(int t, OpSpec op, Op done, long invokeMicros) {
        busy[t] = false;
        open--;
        switch (done.type()) {
            case OK -> world.stats.opsOk++;
            case FAIL -> world.stats.opsFail++;
            case INFO -> world.stats.opsInfo++;
            case INVOKE -> throw new IllegalStateException("an invocation does not complete an operation");
        }
        if (world.trace.on) {
            StringBuilder b = world.trace.begin(world.now, "complete");
            Trace.num(b, "process", done.process());
            Trace.str(b, "type", done.type().keyword());
            Trace.str(b, "f", done.f());
            Trace.str(b, "value", String.valueOf(done.value()));
            Trace.str(b, "error", done.error());
            world.trace.end();
        }
        if (done.type() == OpType.OK && !op.f().equals("read")) world.onWriteOk(invokeMicros);
        if (!generating) {
            if (open == 0) world.clientsIdle();
            return;
        }
        wakeAt(t, world.now);
    }

    /** Process {@code p}'s client: every operation asks home node {@code p mod n} first, as in a real lab. */
    private Client open(int thread, long process) {
        SimClient client = new SimClient(thread, process);
        current[thread] = client;
        return client;
    }

    private final class Pending {
        final SimClient client;
        final OpSpec op;
        final KvOp kvOp;
        final long seq;
        final Consumer<Completion> done;
        final long deadlineMicros;
        long requestId;
        int target;
        final int first;
        int hops;
        int fallback;

        Pending(SimClient client, OpSpec op, KvOp kvOp, long seq, Consumer<Completion> done) {
            this.client = client;
            this.op = op;
            this.kvOp = kvOp;
            this.seq = seq;
            this.done = done;
            this.deadlineMicros = world.now + options.opTimeoutMicros();
            this.target = client.home;
            this.first = client.home;
        }
    }

    /** The transport of one process: requests as simulated messages, outcomes read as the node's HTTP API answers them. */
    private final class SimClient implements Client {
        final int slot;
        final int home;
        final String clientId;
        long seq;
        Pending pending;

        SimClient(int slot, long process) {
            this.slot = slot;
            this.home = (int) (process % world.nodeCount());
            this.clientId = "p" + process;
        }

        @Override public void invoke(OpSpec op, Consumer<Completion> done) {
            Pending p = new Pending(this, op, kvOp(op), ++seq, done);
            pending = p;
            if (world.trace.on) {
                StringBuilder b = world.trace.begin(world.now, "invoke");
                Trace.str(b, "client", clientId);
                Trace.str(b, "f", op.f());
                Trace.str(b, "op", String.valueOf(p.kvOp));
                world.trace.end();
            }
            send(p);
            byDeadline.add(p);
            if (!timerArmed) armTimer(p.deadlineMicros);
        }

        void finish(Pending p, Completion c) {
            if (pending != p) return;
            pending = null;
            p.done.accept(c);
        }
    }

    private static KvOp kvOp(OpSpec op) {
        return switch (op.f()) {
            case "read" -> new KvOp.Get(op.key());
            case "write" -> new KvOp.Put(op.key(), json(op.argument()));
            case "cas" -> {
                List<?> fromTo = (List<?>) op.argument();
                yield new KvOp.Cas(op.key(), json(fromTo.get(0)), json(fromTo.get(1)));
            }
            default -> throw new IllegalArgumentException("unknown operation " + op.f());
        };
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
            head.client.finish(head, Answers.noAnswer(head.op));
        }
        if (head != null) armTimer(head.deadlineMicros);
    }

    private void send(Pending p) {
        p.requestId = (nextRequestId++ << SLOT_BITS) | p.client.slot;
        ClientRequest request = new ClientRequest(p.requestId, p.client.clientId, p.seq, p.kvOp);
        int target = p.target;
        world.schedule(world.now + world.network.clientLatency(), () -> world.clientRequestArrives(target, request));
    }

    /** A node answered; the answer reaches the client after the network's latency. */
    void replyFrom(int node, long requestId, Outcome outcome) {
        world.schedule(world.now + world.network.clientLatency(), () -> onOutcome(node, requestId, outcome));
    }

    /** The node was down when the request arrived: the connection was refused, so nothing was sent. */
    void refused(int node, long requestId) {
        world.schedule(world.now + world.network.clientLatency(), () -> onOutcome(node, requestId, null));
    }

    private void onOutcome(int node, long requestId, Outcome outcome) {
        SimClient client = current[(int) (requestId & ((1 << SLOT_BITS) - 1))];
        Pending p = client == null ? null : client.pending;
        if (p == null || p.requestId != requestId) return; // answered after a timeout, or an older hop's answer
        String name = world.nodes[node].name;
        if (outcome == null) {
            // As the network client: a refused connection was certainly not sent; the other nodes are asked in turn.
            if (!askNext(p)) p.client.finish(p, Answers.notSent(p.op));
            return;
        }
        int status = status(outcome);
        if (outcome instanceof Outcome.NotLeader notLeader && notLeader.leader() != null) {
            // The node's API answers 307 to the leader; the client follows it as the network client does.
            if (++p.hops > Answers.MAX_REDIRECTS) {
                p.client.finish(p, Answers.redirectedAway(p.op, "too-many-redirects", name));
            } else {
                p.target = world.indexOf(notLeader.leader());
                send(p);
            }
            return;
        }
        if (outcome instanceof Outcome.Ok ok && p.op.f().equals("read")) {
            p.client.finish(p, Answers.answered(p.op, 200, parse(ok.value()), name));
            return;
        }
        p.client.finish(p, Answers.answered(p.op, status, null, name));
    }

    /** Sends the operation to the next node after the one it first asked, if any is left. */
    private boolean askNext(Pending p) {
        if (p.fallback >= world.nodeCount() - 1) return false;
        p.fallback++;
        p.target = (p.first + p.fallback) % world.nodeCount();
        send(p);
        return true;
    }

    /** The status the node's client API answers an outcome with (raft-node's OutcomeReplies). */
    static int status(Outcome outcome) {
        if (outcome instanceof Outcome.Ok) return 200;
        if (outcome instanceof Outcome.Mismatch) return 409;
        if (outcome instanceof Outcome.NotLeader n) return n.leader() == null ? 503 : 307;
        if (outcome instanceof Outcome.Rejected) return 503;
        if (outcome instanceof Outcome.SeqReused) return 422;
        if (outcome instanceof Outcome.Unknown) return 504;
        throw new IllegalStateException("unknown outcome " + outcome);
    }

    private static String json(Object v) {
        if (v == null) return null;
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
