package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import raftlab.checker.model.Model;
import raftlab.checker.model.Models;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * kv-append's search (steering toward the next get, filing unreadable strings as one state)
 * against brute force, on small histories of a real store with some gets' results changed.
 * Pieces come from a tiny alphabet, so that one piece is often a prefix of another, strings
 * repeat, and puts overwrite appends no get will see.
 */
class KvAppendPropertiesTest {
    private static final String[] PIECES = {"", "a", "b", "ab", "ba", "aa"};
    private static final Model MODEL = Models.byName("kv-append");

    @Property(tries = 1000)
    void smallHistoriesAgreeWithExhaustiveSearch(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int ops,
                                                 @ForAll @IntRange(min = 1, max = 4) int processes,
                                                 @ForAll @IntRange(min = 1, max = 2) int keys) {
        List<Op> history = randomHistory(new SplittableRandom(seed), ops, processes, keys);
        Validity expected = ExhaustiveChecker.check(history, MODEL);
        for (int threads : new int[] {1, 2}) {
            Validity got = Checker.check(history, MODEL, CheckOptions.defaults().withThreads(threads)).validity();
            assertEquals(expected, got, () -> "seed " + seed + ", " + threads + " threads: " + history);
        }
    }

    /**
     * A history of a real kv store under random concurrency (each op takes effect at a random
     * point between its invocation and completion; an append or put may crash as :info, having
     * taken effect or not), then, for half the seeds, one ok get's result replaced.
     */
    static List<Op> randomHistory(SplittableRandom random, int ops, int processes, int keys) {
        List<Op> history = new ArrayList<>();
        Map<String, String> store = new HashMap<>();
        Op[] pending = new Op[processes];
        boolean[] applied = new boolean[processes];
        String[] result = new String[processes];
        int invoked = 0;
        int open = 0;
        while (invoked < ops || open > 0) {
            int p = random.nextInt(processes);
            Op op = pending[p];
            if (op == null) {
                if (invoked == ops) continue;
                String key = "k" + random.nextInt(keys);
                int dice = random.nextInt(10);
                String f = dice < 4 ? "get" : dice < 8 ? "append" : "put";
                Object value = f.equals("get") ? null : PIECES[random.nextInt(PIECES.length)];
                pending[p] = Op.invoke(history.size(), history.size(), p, f, Op.tuple(key, value));
                history.add(pending[p]);
                applied[p] = false;
                invoked++;
                open++;
            } else if (!applied[p] && random.nextInt(3) != 0) {
                applied[p] = true;
                List<?> tuple = (List<?>) op.value();
                String key = (String) tuple.get(0);
                String now = store.getOrDefault(key, "");
                switch (op.f()) {
                    case "get" -> result[p] = now;
                    case "append" -> store.put(key, now + tuple.get(1));
                    default -> store.put(key, (String) tuple.get(1));
                }
            } else {
                List<?> tuple = (List<?>) op.value();
                boolean crash = !op.f().equals("get") && random.nextInt(8) == 0;
                if (crash) {
                    history.add(op.complete(history.size(), history.size(), OpType.INFO, tuple, "timeout"));
                } else if (applied[p]) {
                    Object v = op.f().equals("get") ? result[p] : tuple.get(1);
                    history.add(op.complete(history.size(), history.size(), OpType.OK, Op.tuple(tuple.get(0), v), null));
                } else {
                    continue; // an ok op must have taken effect first
                }
                pending[p] = null;
                open--;
            }
        }
        if (random.nextBoolean()) corruptOneGet(history, random);
        return history;
    }

    private static void corruptOneGet(List<Op> history, SplittableRandom random) {
        List<Integer> gets = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Op op = history.get(i);
            if (op.type() == OpType.OK && op.f().equals("get")) gets.add(i);
        }
        if (gets.isEmpty()) return;
        int at = gets.get(random.nextInt(gets.size()));
        Op get = history.get(at);
        List<?> tuple = (List<?>) get.value();
        String was = (String) tuple.get(1);
        String now = switch (random.nextInt(3)) {
            case 0 -> was + PIECES[1 + random.nextInt(PIECES.length - 1)];
            case 1 -> was.isEmpty() ? "b" : was.substring(1);
            default -> PIECES[random.nextInt(PIECES.length)] + PIECES[random.nextInt(PIECES.length)];
        };
        history.set(at, get.withValue(Op.tuple(tuple.get(0), now)));
    }
}
