package raftlab.checker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * Histories of a real linearizable register under random concurrency, for the benchmark and the
 * property tests. Each step picks a random process: an idle one invokes a read, write or
 * compare-and-set (50/25/25; written values unique; a compare-and-set expects a value the process
 * recently read or wrote), a busy one either lets its operation take effect on the register or
 * completes it. A write may crash ({@code :info}), having taken effect or not; its process is then
 * replaced by a fresh one, as Jepsen does. A compare-and-set that found another value completes as
 * {@code :fail} with {@code :error :mismatch}. Register model semantics: starts absent.
 *
 * <p>As in real clusters, a crashed write may also take effect after its client gave up
 * ({@code lateFraction} of the crashed writes that had not taken effect yet): it stays in flight
 * and lands at a random later step, which is the hard case for a checker. With several keys every
 * value is Jepsen's {@code [key v]} tuple and each key is its own register.
 */
public final class RegisterHistoryGenerator {
    private RegisterHistoryGenerator() {}

    /**
     * @param operations   invocations to generate
     * @param processes    concurrent client processes
     * @param infoFraction fraction of writes that crash ({@code :info})
     */
    public static List<Op> generate(long seed, int operations, int processes, double infoFraction) {
        return generate(seed, operations, processes, infoFraction, 0, 1);
    }

    /**
     * @param lateFraction of the crashed writes that had not taken effect when they crashed, the
     *                     share that takes effect later anyway
     * @param keys         registers; 1 writes plain values, more writes {@code [key v]} tuples
     */
    public static List<Op> generate(long seed, int operations, int processes, double infoFraction, double lateFraction, int keys) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Op> history = new ArrayList<>(operations * 2);
        long[] processId = new long[processes];
        for (int p = 0; p < processes; p++) processId[p] = p;
        long nextProcess = processes;
        Op[] pending = new Op[processes];
        boolean[] applied = new boolean[processes];
        Object[] result = new Object[processes]; // what the op returned when applied
        boolean[] crashes = new boolean[processes];
        Object[] lastSeen = new Object[processes];
        Arrays.fill(lastSeen, null);
        int[] lastSeenKey = new int[processes];
        Object[] registers = new Object[keys];
        int[] keyOf = new int[processes];
        List<Object[]> inFlight = new ArrayList<>(); // {key, value} of crashed writes still to land
        long nextValue = 1;
        long time = 0;
        int invoked = 0;
        int open = 0;
        while (invoked < operations || open > 0) {
            int p = random.nextInt(processes);
            time += 1 + random.nextInt(1_000_000);
            if (!inFlight.isEmpty() && random.nextInt(8) == 0) {
                Object[] late = inFlight.remove(random.nextInt(inFlight.size()));
                registers[(Integer) late[0]] = late[1];
            }
            Op op = pending[p];
            if (op == null) {
                if (invoked >= operations) continue;
                int dice = random.nextInt(100);
                int key = keys > 1 ? random.nextInt(keys) : 0;
                keyOf[p] = key;
                Object register = registers[key];
                if (lastSeenKey[p] != key) lastSeen[p] = null;
                lastSeenKey[p] = key;
                String f;
                Object value;
                if (dice < 50) {
                    f = "read";
                    value = null;
                } else if (dice < 75) {
                    f = "write";
                    value = nextValue++;
                } else {
                    f = "cas";
                    value = Op.tuple(lastSeen[p] != null && random.nextInt(4) != 0 ? lastSeen[p] : register, nextValue++);
                }
                op = Op.invoke(history.size(), time, processId[p], f, keys > 1 ? Op.tuple((long) key, value) : value);
                history.add(op);
                pending[p] = op;
                applied[p] = false;
                crashes[p] = f.equals("write") && random.nextDouble() < infoFraction;
                invoked++;
                open++;
            } else if (!applied[p] && !(crashes[p] && random.nextInt(3) == 0)) {
                applied[p] = true; // takes effect now, atomically
                int key = keyOf[p];
                Object value = valueOf(op, keys);
                switch (op.f()) {
                    case "read" -> result[p] = registers[key];
                    case "write" -> registers[key] = value;
                    default -> {
                        List<?> cas = (List<?>) value;
                        boolean matches = java.util.Objects.equals(cas.get(0), registers[key]);
                        if (matches) registers[key] = cas.get(1);
                        result[p] = matches;
                    }
                }
            } else {
                // completes (a crashing write may complete without having taken effect)
                Object value = valueOf(op, keys);
                if (crashes[p]) {
                    history.add(op.complete(history.size(), time, OpType.INFO, op.value(), "timeout"));
                    processId[p] = nextProcess++;
                    if (!applied[p] && lateFraction > 0 && random.nextDouble() < lateFraction) inFlight.add(new Object[] {keyOf[p], value});
                } else if (op.f().equals("read")) {
                    history.add(op.complete(history.size(), time, OpType.OK, keys > 1 ? Op.tuple((long) keyOf[p], result[p]) : result[p], null));
                    lastSeen[p] = result[p];
                } else if (op.f().equals("write")) {
                    history.add(op.complete(history.size(), time, OpType.OK, op.value(), null));
                    lastSeen[p] = value;
                } else if ((Boolean) result[p]) {
                    history.add(op.complete(history.size(), time, OpType.OK, op.value(), null));
                    lastSeen[p] = ((List<?>) value).get(1);
                } else {
                    history.add(op.complete(history.size(), time, OpType.FAIL, op.value(), "mismatch"));
                }
                pending[p] = null;
                open--;
            }
        }
        return history;
    }

    /** The op's value without the key of a {@code [key v]} tuple. */
    private static Object valueOf(Op op, int keys) {
        return keys > 1 ? ((List<?>) op.value()).get(1) : op.value();
    }
}
