package raftlab.harness.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.generator.Generator;
import raftlab.harness.generator.Generators;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.LabNode;
import raftlab.harness.workload.Workload;

/**
 * How fast the harness can record: workers, clients and the history recorder at full speed
 * against a trivial keep-alive HTTP server on loopback (one thread per connection, every request
 * answered {@code 200 {"value":1}}), so the number measures the harness, not a node.
 * {@code java -cp harness-all.jar raftlab.harness.runner.ThroughputBench [concurrency] [seconds]}
 */
public final class ThroughputBench {
    private ThroughputBench() {}

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (ServerSocket server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> accept(server), "bench-server");
            acceptor.setDaemon(true);
            acceptor.start();
            List<LabNode> nodes = List.of(new LabNode("n1", "127.0.0.1", 1, server.getLocalPort()));
            Workload workload = Workload.byName("registers", concurrency);
            HistoryRecorder recorder = new HistoryRecorder();
            List<Thread> threads = new ArrayList<>();
            long stop = recorder.now() + seconds * 1_000_000_000L;
            for (int t = 0; t < concurrency; t++) {
                int thread = t;
                Generator ops = workload.clientOps().forThread(t);
                Generator paced = Generators.timeLimit(seconds * 1_000_000_000L, ops);
                Worker worker = new Worker(t, concurrency, nodes, recorder, 5000);
                Thread th = new Thread(() -> {
                    try {
                        worker.run(paced, Seeds.stream(1, 1, thread), stop, recorder);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        worker.close();
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) th.join();
            long completed = recorder.okCount() + recorder.failCount() + recorder.infoCount();
            double rate = completed / (recorder.now() / 1e9);
            System.out.printf(java.util.Locale.ROOT, "concurrency %d, %d s: %d operations recorded (%d ok, %d fail, %d info), %.0f ops/s, history %d entries%n",
                    concurrency, seconds, completed, recorder.okCount(), recorder.failCount(), recorder.infoCount(), rate, recorder.snapshot().size());
        }
    }

    private static void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread t = new Thread(() -> serve(socket));
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"value\":1}".getBytes(StandardCharsets.ISO_8859_1);
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            StringBuilder line = new StringBuilder();
            int contentLength = 0;
            while (true) {
                int c = in.read();
                if (c < 0) return;
                if (c == '\r') continue;
                if (c != '\n') { line.append((char) c); continue; }
                if (line.length() == 0) {
                    in.readNBytes(contentLength);
                    out.write(response);
                    out.flush();
                    contentLength = 0;
                } else if (line.toString().toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
                line.setLength(0);
            }
        } catch (IOException e) {
            // The client closed the connection.
        }
    }
}
