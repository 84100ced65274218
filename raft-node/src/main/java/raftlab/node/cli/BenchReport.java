package raftlab.node.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a table for people and one JSON line for scripts. */
final class BenchReport {
    private BenchReport() {}

    static String table(int clients, BenchLoad.Result writes, BenchLoad.Result reads, List<Long> failovers) {
        StringBuilder out = new StringBuilder();
        String format = "%-8s %8s %12s %10s %10s %10s %10s%n";
        out.append(String.format(Locale.ROOT, format, "phase", "clients", "ops/s", "p50 ms", "p99 ms", "p999 ms", "failed"));
        row(out, format, "writes", clients, writes);
        row(out, format, "reads", clients, reads);
        if (!failovers.isEmpty()) {
            out.append(String.format(Locale.ROOT, "failover (SIGKILL of the leader until the next acknowledged write): median %d ms, max %d ms, all %s%n",
                    median(failovers), failovers.stream().mapToLong(Long::longValue).max().orElse(0), failovers));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String format, String phase, int clients, BenchLoad.Result r) {
        out.append(String.format(Locale.ROOT, format, phase, clients, BenchCommand.format(r.perSecond()),
                ms(r, 50), ms(r, 99), ms(r, 99.9), r.failed()));
    }

    private static String ms(BenchLoad.Result r, double percentile) {
        return String.format(Locale.ROOT, "%.2f", r.latencyMicros().getValueAtPercentile(percentile) / 1000.0);
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static String json(int clients, int nodes, int valueSize, BenchLoad.Result writes, BenchLoad.Result reads, List<Long> failovers) {
        return String.format(Locale.ROOT,
                "{\"nodes\":%d,\"clients\":%d,\"valueBytes\":%d,\"writesPerSecond\":%.1f,\"writeP50Ms\":%s,\"writeP99Ms\":%s,\"writeP999Ms\":%s,"
                        + "\"writesFailed\":%d,\"readsPerSecond\":%.1f,\"readP50Ms\":%s,\"readP99Ms\":%s,\"readP999Ms\":%s,\"readsFailed\":%d,"
                        + "\"failoverMedianMs\":%d,\"failoverMs\":%s}",
                nodes, clients, valueSize, writes.perSecond(), ms(writes, 50), ms(writes, 99), ms(writes, 99.9), writes.failed(),
                reads.perSecond(), ms(reads, 50), ms(reads, 99), ms(reads, 99.9), reads.failed(), median(failovers), failovers);
    }
}
