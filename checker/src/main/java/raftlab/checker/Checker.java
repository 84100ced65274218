package raftlab.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import raftlab.checker.explain.Explainer;
import raftlab.checker.model.Model;
import raftlab.checker.model.RegisterModel;
import raftlab.checker.search.CrashedWrites;
import raftlab.checker.search.HistorySplitter;
import raftlab.checker.search.KeyCalls;
import raftlab.checker.model.Machine;
import raftlab.checker.search.MemoryBudget;
import raftlab.checker.search.SearchOutcome;
import raftlab.checker.search.UniqueValuesCheck;
import raftlab.checker.search.WglSearch;
import raftlab.history.Op;

/**
 * Decides whether a history is linearizable under a model: splits it by key where the model
 * allows, searches the keys in parallel, and explains an invalid key. The first invalid key
 * settles the verdict, so the keys still running stop and are reported unknown. Time and memory
 * bounds turn into {@link Validity#UNKNOWN}, never a hang or an OutOfMemoryError.
 */
public final class Checker {
    private Checker() {}

    public static CheckResult check(List<Op> history, Model model, CheckOptions options) {
        long start = System.nanoTime();
        long deadline = start + Math.min(options.timeLimit().toNanos(), Long.MAX_VALUE / 4);
        HistorySplitter.Split split = HistorySplitter.split(history, model);
        MemoryBudget budget = new MemoryBudget(options.memoryBytes());
        AtomicBoolean cancelled = new AtomicBoolean();
        List<KeyCalls> keys = split.keys();
        List<KeyResult> results = new ArrayList<>(keys.size());
        int threads = Math.min(options.threads(), keys.size());
        if (threads <= 1) {
            for (KeyCalls key : keys) {
                results.add(cancelled.get() ? notChecked(key) : checkKey(key, model, options, deadline, cancelled, budget));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "checker");
                t.setDaemon(true);
                return t;
            });
            try {
                // biggest keys first, so one long key does not start last
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) order.add(i);
                order.sort((a, b) -> Integer.compare(keys.get(b).size(), keys.get(a).size()));
                List<Future<KeyResult>> futures = new ArrayList<>(java.util.Collections.nCopies(keys.size(), null));
                for (int i : order) {
                    KeyCalls key = keys.get(i);
                    futures.set(i, pool.submit(() -> checkKey(key, model, options, deadline, cancelled, budget)));
                }
                for (Future<KeyResult> f : futures) results.add(f.get());
            } catch (InterruptedException e) {
                cancelled.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a key's check failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        Validity validity = Validity.VALID;
        for (KeyResult r : results) validity = validity.and(r.validity());
        return new CheckResult(validity, model.name(), List.copyOf(results), split.counts(), System.nanoTime() - start);
    }

    private static KeyResult checkKey(KeyCalls whole, Model model, CheckOptions options, long deadline,
                                      AtomicBoolean cancelled, MemoryBudget budget) {
        long start = System.nanoTime();
        try {
            if (options.fastPath() && model instanceof RegisterModel register) {
                UniqueValuesCheck.Outcome fast = UniqueValuesCheck.check(whole, register);
                switch (fast.verdict()) {
                    case VALID -> {
                        return new KeyResult(whole.key(), Validity.VALID, whole.size(), 0, completedCount(whole), null, null, System.nanoTime() - start);
                    }
                    case INVALID -> {
                        cancelled.set(true);
                        Failure failure = options.explain() ? explainFast(whole, model, model.compile(whole.calls()), fast) : null;
                        return new KeyResult(whole.key(), Validity.INVALID, whole.size(), 0, fast.order().length, failure, null, System.nanoTime() - start);
                    }
                    case UNDECIDED -> { } // the full search decides
                }
            }
            // crashed writes nothing could have observed need not be searched at all
            KeyCalls key = model instanceof RegisterModel register ? CrashedWrites.withoutDroppable(whole, register) : whole;
            Machine machine = model.compile(key.calls());
            SearchOutcome outcome = new WglSearch(key, machine, deadline, cancelled, budget).run();
            return switch (outcome.result()) {
                case VALID -> new KeyResult(key.key(), Validity.VALID, key.size(), outcome.explored(), outcome.deepest(), null, null, System.nanoTime() - start);
                case INVALID -> {
                    cancelled.set(true); // one invalid key settles the verdict; the others stop
                    Failure failure = null;
                    if (options.explain()) {
                        SearchOutcome captured = new WglSearch(key, machine, deadline, new AtomicBoolean(), budget).capture(outcome.deepest());
                        if (captured.result() == SearchOutcome.Result.CAPTURED) failure = Explainer.explain(key, model, machine, captured);
                    }
                    yield new KeyResult(key.key(), Validity.INVALID, key.size(), outcome.explored(), outcome.deepest(), failure, null, System.nanoTime() - start);
                }
                case STOPPED, CAPTURED -> new KeyResult(key.key(), Validity.UNKNOWN, key.size(), outcome.explored(), outcome.deepest(), null,
                        outcome.stopReason().equals("cancellation") ? "stopped: another key is already invalid" : "the search reached " + outcome.stopReason() + " after exploring " + outcome.explored()
                                + " configurations; at most " + outcome.deepest() + " of " + completedCount(key)
                                + " completed operations were linearized at once", System.nanoTime() - start);
            };
        } catch (OutOfMemoryError e) {
            return new KeyResult(whole.key(), Validity.UNKNOWN, whole.size(), 0, 0, null,
                    "the heap ran out while checking this key; give the JVM more memory (-Xmx) or a lower memory bound", System.nanoTime() - start);
        }
    }

    /**
     * The fast path's own explanation: the red call is the one whose completion first left the
     * history so far without a linearization, and the prefix is a linearization of what came before.
     */
    private static Failure explainFast(KeyCalls key, Model model, Machine machine, UniqueValuesCheck.Outcome fast) {
        long state = machine.initial();
        for (int c : fast.order()) {
            long next = machine.step(state, c);
            if (next != Machine.ILLEGAL) state = next;
        }
        SearchOutcome captured = new SearchOutcome(SearchOutcome.Result.CAPTURED, null, 0, fast.order().length, fast.order(), fast.red(), state);
        return Explainer.explain(key, model, machine, captured);
    }

    private static KeyResult notChecked(KeyCalls key) {
        return new KeyResult(key.key(), Validity.UNKNOWN, key.size(), 0, 0, null, "not checked: another key is already invalid", 0);
    }

    private static int completedCount(KeyCalls key) {
        int n = 0;
        for (int i = 0; i < key.size(); i++) if (key.completed(i)) n++;
        return n;
    }
}
