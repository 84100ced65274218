package raftlab.node.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import raftlab.node.storage.StorageObserver;

/** The node's counters and gauges, rendered in the Prometheus text format by {@link #render}. */
public final class NodeMetrics implements StorageObserver {
    public final LatencyHistogram append = new LatencyHistogram("raft_log_append_seconds", "Time to write one batch to the log.");
    public final LatencyHistogram fsync = new LatencyHistogram("raft_log_fsync_seconds", "Time of one log fsync (group commit).");
    public final LatencyHistogram clientLatency = new LatencyHistogram("raft_client_request_seconds", "Client request latency inside the node.");
    public final LongAdder elections = new LongAdder();
    public final LongAdder peerMessagesDropped = new LongAdder();
    private final Map<String, LongAdder> clientOps = new ConcurrentHashMap<>();
    public volatile long term;
    public volatile String role = "follower";
    public volatile long commit;
    public volatile long applied;
    public volatile long lastIndex;
    public volatile long snapshotIndex;

    @Override public void appended(long nanos) { append.recordNanos(nanos); }

    @Override public void synced(long nanos) { fsync.recordNanos(nanos); }

    /** Counts a client operation ({@code get}, {@code put}, {@code cas}, {@code delete}) by its HTTP result class. */
    public void clientOp(String op, String result) {
        clientOps.computeIfAbsent(op + "\u0000" + result, k -> new LongAdder()).increment();
    }

    public String render(long droppedMessages) {
        StringBuilder out = new StringBuilder(4096);
        gauge(out, "raft_term", "The current term.", term);
        out.append("# HELP raft_role The current role (1 for the role this node is in).\n# TYPE raft_role gauge\n");
        for (String r : new String[] {"follower", "candidate", "leader", "learner"}) {
            out.append("raft_role{role=\"").append(r).append("\"} ").append(r.equals(role) ? 1 : 0).append('\n');
        }
        gauge(out, "raft_commit_index", "The highest index known committed.", commit);
        gauge(out, "raft_applied_index", "The highest index applied to the state machine.", applied);
        gauge(out, "raft_last_log_index", "The last index in the log.", lastIndex);
        gauge(out, "raft_snapshot_index", "The index of the latest snapshot.", snapshotIndex);
        counter(out, "raft_elections_total", "Elections this node started.", elections.sum());
        counter(out, "raft_peer_messages_dropped_total", "Messages to peers dropped (queue full or not connected).", droppedMessages);
        append.render(out);
        fsync.render(out);
        clientLatency.render(out);
        out.append("# HELP raft_client_operations_total Client operations by operation and result.\n# TYPE raft_client_operations_total counter\n");
        Map<String, LongAdder> sorted = new TreeMap<>(clientOps);
        for (Map.Entry<String, LongAdder> e : sorted.entrySet()) {
            String[] parts = e.getKey().split("\u0000");
            out.append("raft_client_operations_total{op=\"").append(parts[0]).append("\",result=\"").append(parts[1]).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
