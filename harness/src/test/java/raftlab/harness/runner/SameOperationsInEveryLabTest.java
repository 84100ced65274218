package raftlab.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import raftlab.harness.client.Client;
import raftlab.harness.client.Completion;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.workload.Workload;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.sim.SimOptions;
import raftlab.sim.SimResult;
import raftlab.sim.Simulation;

/**
 * One seed asks the same operations whichever lab runs it: a simulated run's operations, thread by thread, are exactly
 * what a real lab's worker asks for the same seed when its client answers as the simulated cluster did. Together with
 * the simulator's determinism this is what lets a run found in one lab be looked at in another.
 */
class SameOperationsInEveryLabTest {
    @Test void theSimulatorAndAWorkerAskTheSameOperationsForOneSeed() throws Exception {
        for (String workload : List.of("register", "registers")) {
            long seed = 0x5eedL;
            int concurrency = 4;
            SimOptions options = SimOptions.builder().seed(seed).nodeCount(3).timeLimitMicros(3_000_000).concurrency(concurrency)
                    .rate(300).workload(raftlab.sim.Workload.byName(workload).orElseThrow()).build();
            SimResult sim = Simulation.run(options);
            Map<Integer, List<Op>> invocations = new TreeMap<>();
            Map<Integer, ArrayDeque<Op>> completions = new TreeMap<>();
            for (Op op : sim.history()) {
                if (op.isNemesis()) continue;
                int thread = (int) (op.process() % concurrency);
                if (op.isInvoke()) invocations.computeIfAbsent(thread, t -> new ArrayList<>()).add(op);
                else completions.computeIfAbsent(thread, t -> new ArrayDeque<>()).add(op);
            }
            assertEquals(concurrency, invocations.size(), "every simulated thread worked (seed " + seed + ")");

            Workload shared = Workload.byName(workload, concurrency);
            for (int t = 0; t < concurrency; t++) {
                List<Op> simulated = invocations.get(t);
                ArrayDeque<Op> answers = completions.get(t);
                // A clock that moves a second on every reading, so that no pacing wait holds the worker up.
                AtomicLong clock = new AtomicLong();
                HistoryRecorder recorder = HistoryRecorder.onClock(() -> clock.addAndGet(1_000_000_000L));
                // The client answers each operation as the simulated cluster answered the same operation.
                Client replaying = (op, done) -> {
                    Op answer = answers.poll();
                    if (answer == null) done.accept(new Completion(OpType.INFO, op.value(), "no-more-answers", Op.NO_NODE));
                    else done.accept(new Completion(answer.type(), answer.value(), answer.error(), answer.node()));
                };
                Worker worker = new Worker(t, concurrency, recorder, process -> replaying);
                Generator ops = Generators.limit(simulated.size(), Generators.rate(options.rate(), shared.clientOps().forThread(t)));
                worker.run(ops, Seeds.stream(seed, 1, t), Long.MAX_VALUE, recorder);
                List<String> asked = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                for (Op op : recorder.snapshot()) if (op.isInvoke()) asked.add(op.process() + " " + op.f() + " " + op.value());
                for (Op op : simulated) expected.add(op.process() + " " + op.f() + " " + op.value());
                assertTrue(expected.size() > 5, "thread " + t + " did a few operations (seed " + seed + ")");
                assertEquals(expected, asked, workload + " thread " + t + ": the operations differ (seed " + seed + ")");
            }
        }
    }
}
