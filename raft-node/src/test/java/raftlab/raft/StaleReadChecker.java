package raftlab.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import raftlab.raft.kv.KvOp;

/**
 * A sound (not complete) check that reads are not stale: every value is written once, so if a read
 * of key k returned v, no put of k that was acknowledged before the read was submitted may sit later
 * in the log than the put of v.
 */
final class StaleReadChecker {
    private record Submitted(long tick, KvOp op) {}

    private final TreeMap<Long, Submitted> submitted = new TreeMap<>();

    void submitted(long requestId, long tick, KvOp op) { submitted.put(requestId, new Submitted(tick, op)); }

    void check(TestCluster c) {
        TreeMap<String, Long> indexOfValue = new TreeMap<>();
        for (List<Entry> applied : c.applied.values()) {
            for (Entry e : applied) {
                if (e.command() instanceof Command.Client client && client.op() instanceof KvOp.Put put && put.value() != null) {
                    indexOfValue.putIfAbsent(put.key() + "=" + put.value(), e.index());
                }
            }
        }
        List<long[]> ackedPuts = new ArrayList<>(); // {ack tick, index}
        TreeMap<String, List<long[]>> ackedByKey = new TreeMap<>();
        for (Map.Entry<Long, Submitted> e : submitted.entrySet()) {
            if (e.getValue().op() instanceof KvOp.Put put && c.replies.get(e.getKey()) instanceof Outcome.Ok) {
                Long index = indexOfValue.get(put.key() + "=" + put.value());
                if (index != null) ackedByKey.computeIfAbsent(put.key(), k -> new ArrayList<>()).add(new long[] {c.replyTick.get(e.getKey()), index});
            }
        }
        for (Map.Entry<Long, Submitted> e : submitted.entrySet()) {
            if (!(e.getValue().op() instanceof KvOp.Get get) || !(c.replies.get(e.getKey()) instanceof Outcome.Ok ok) || ok.value() == null) continue;
            Long readIndex = indexOfValue.get(get.key() + "=" + ok.value());
            if (readIndex == null) continue;
            for (long[] put : ackedByKey.getOrDefault(get.key(), ackedPuts)) {
                if (put[0] < e.getValue().tick() && put[1] > readIndex) {
                    throw new AssertionError("stale read: request " + e.getKey() + " submitted at tick " + e.getValue().tick() + " read "
                            + get.key() + "=" + ok.value() + " (written at index " + readIndex + ") although a put at index " + put[1]
                            + " was acknowledged at tick " + put[0]);
                }
            }
        }
    }
}
