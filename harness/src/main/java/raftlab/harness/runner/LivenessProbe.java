package raftlab.harness.runner;

import java.util.ArrayList;
import java.util.List;
import raftlab.harness.generator.OpSpec;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.LabNode;
import raftlab.history.Op;
import raftlab.history.OpType;

/**
 * After the final heal: one write, then one read, each retried (as recorded operations of their
 * own processes, trying each node in turn) until acknowledged or the bound passes.
 */
final class LivenessProbe {
    /** Values no worker writes: workers count up from 1 with at most a few million per test. */
    private static final long PROBE_VALUE_BASE = 1_000_000_000_000L;
    /** The key the probe uses in the registers workload: above any key a worker reaches. */
    static final long PROBE_KEY = 1_000_000_000L;

    private LivenessProbe() {}

    static Liveness run(List<LabNode> nodes, boolean independent, HistoryRecorder recorder, int firstProcess,
                        long boundNanos, int opTimeoutMillis) {
        long start = recorder.now();
        long deadline = start + boundNanos;
        long writeAt = -1;
        long readAt = -1;
        int attempt = 0;
        List<String> errors = new ArrayList<>();
        {
            while (recorder.now() < deadline && (writeAt < 0 || readAt < 0)) {
                boolean writing = writeAt < 0;
                long value = PROBE_VALUE_BASE + attempt++;
                OpSpec op = writing
                        ? (independent ? OpSpec.keyed("write", PROBE_KEY, value) : OpSpec.register("write", value))
                        : (independent ? OpSpec.keyed("read", PROBE_KEY, null) : OpSpec.register("read", null));
                // A fresh process per attempt, numbered above every worker's, on the next node in turn.
                // Never wait past the bound on one attempt: a late answer would not count anyway.
                int timeout = (int) Math.max(200, Math.min(opTimeoutMillis, (deadline - recorder.now()) / 1_000_000));
                Worker probe = new Worker(firstProcess + attempt, 1, nodes, recorder, timeout);
                Op completion = probe.perform(op);
                probe.close();
                if (completion.type() == OpType.OK) {
                    if (writing) writeAt = recorder.now();
                    else readAt = recorder.now();
                } else {
                    if (errors.size() < 5) errors.add(completion.type().keyword() + " " + completion.error());
                    sleepQuietly(100);
                }
            }
        }
        long writeMillis = writeAt < 0 ? -1 : (writeAt - start) / 1_000_000;
        long readMillis = readAt < 0 ? -1 : (readAt - start) / 1_000_000;
        if (writeAt >= 0 && readAt >= 0) return new Liveness(true, writeMillis, readMillis, null);
        String missing = writeAt < 0 ? "no write was acknowledged" : "a write was acknowledged but no read";
        return new Liveness(false, writeMillis, readMillis, missing + " within " + boundNanos / 1_000_000_000 + " s of the final heal ("
                + attempt + " attempts; first errors: " + String.join(", ", errors) + ")");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
