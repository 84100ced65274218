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
 */
public final class RegisterHistoryGenerator {
    private RegisterHistoryGenerator() {}

    /**
     * @param operations   invocations to generate
     * @param processes    concurrent client processes
     * @param infoFraction fraction of writes that crash ({@code :info})
     */
    public static List<Op> generate(long seed, int operations, int processes, double infoFraction) {
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
        Object register = null;
        long nextValue = 1;
        long time = 0;
        int invoked = 0;
        int open = 0;
        while (invoked < operations || open > 0) {
            int p = random.nextInt(processes);
            time += 1 + random.nextInt(1_000_000);
            Op op = pending[p];
            if (op == null) {
                if (invoked >= operations) continue;
                int dice = random.nextInt(100);
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
                op = Op.invoke(history.size(), time, processId[p], f, value);
                history.add(op);
                pending[p] = op;
                applied[p] = false;
                crashes[p] = f.equals("write") && random.nextDouble() < infoFraction;
                invoked++;
                open++;
            } else if (!applied[p] && !(crashes[p] && random.nextInt(3) == 0)) {
                applied[p] = true; // takes effect now, atomically
                switch (op.f()) {
                    case "read" -> result[p] = register;
                    case "write" -> register = op.value();
                    default -> {
                        List<?> cas = (List<?>) op.value();
                        boolean matches = java.util.Objects.equals(cas.get(0), register);
                        if (matches) register = cas.get(1);
                        result[p] = matches;
                    }
                }
            } else {
                // completes (a crashing write may complete without having taken effect)
                if (crashes[p]) {
                    history.add(op.complete(history.size(), time, OpType.INFO, op.value(), "timeout"));
                    processId[p] = nextProcess++;
                } else if (op.f().equals("read")) {
                    history.add(op.complete(history.size(), time, OpType.OK, result[p], null));
                    lastSeen[p] = result[p];
                } else if (op.f().equals("write")) {
                    history.add(op.complete(history.size(), time, OpType.OK, op.value(), null));
                    lastSeen[p] = op.value();
                } else if ((Boolean) result[p]) {
                    history.add(op.complete(history.size(), time, OpType.OK, op.value(), null));
                    lastSeen[p] = ((List<?>) op.value()).get(1);
                } else {
                    history.add(op.complete(history.size(), time, OpType.FAIL, op.value(), "mismatch"));
                }
                pending[p] = null;
                open--;
            }
        }
        return history;
    }
}
