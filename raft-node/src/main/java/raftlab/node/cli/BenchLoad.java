package raftlab.node.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import raftlab.node.client.HttpConnection;
import raftlab.node.client.KvClient;

/** Concurrent clients, each with its own kept-alive connection to the leader, for a fixed time. */
final class BenchLoad {
    record Result(long ok, long failed, double seconds, Histogram latencyMicros) {
        double perSecond() { return ok / seconds; }
    }

    private final List<KvClient.Endpoint> endpoints;
    private final int clients;
    private final String value;
    private final int keys;

    BenchLoad(List<KvClient.Endpoint> endpoints, int clients, int valueSize, int keys) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.value = "\"" + "v".repeat(Math.max(0, valueSize - 2)) + "\"";
        this.keys = keys;
    }

    void awaitLeader(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        try (KvClient client = new KvClient(endpoints, 2000)) {
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (client.call("GET", "/kv/warmup", Map.of(), null, 2000).status() == 200) return;
                } catch (java.io.IOException e) {
                    // not up yet
                }
                Thread.sleep(100);
            }
        }
        throw new UserError("the cluster elected no leader within " + millis + " ms; see the node logs");
    }

    Result run(boolean write, long millis) throws InterruptedException {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        for (int c = 0; c < clients; c++) {
            Histogram h = new Histogram(60_000_000L, 3);
            histograms.add(h);
            int id = c;
            Thread t = new Thread(() -> clientLoop(id, write, end, h, ok, failed), "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(ok.get(), failed.get(), (System.nanoTime() - start) / 1e9, all);
    }

    private void clientLoop(int id, boolean write, long end, Histogram latency, AtomicLong ok, AtomicLong failed) {
        Map<String, String> headers = new LinkedHashMap<>();
        String body = "{\"value\":" + value + "}";
        long i = id;
        try (KvClient client = new KvClient(endpoints, 5000)) {
            while (System.nanoTime() < end) {
                String path = "/kv/k" + (i % keys);
                i += clients;
                long t0 = System.nanoTime();
                try {
                    HttpConnection.Response r = client.call(write ? "PUT" : "GET", path, headers, write ? body : null, 5000);
                    if (r.status() == 200) {
                        latency.recordValue(Math.min(60_000_000L, (System.nanoTime() - t0) / 1000));
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        }
    }
}
