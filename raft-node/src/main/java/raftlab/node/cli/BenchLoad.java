package raftlab.node.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import raftlab.node.client.KvClient;

/**
 * Closed-loop clients for a fixed time: each has its own kept-alive connection to the leader and one
 * request in flight, and sends the next as soon as the answer arrives. The connections share one
 * selector thread, as load generators such as wrk do, so that the clients take little of the CPU that
 * the nodes beside them on this machine need; latency runs from the request's first byte to the
 * answer's last.
 */
final class BenchLoad {
    record Result(long ok, long failed, double seconds, Histogram latencyMicros) {
        double perSecond() { return ok / seconds; }
    }

    private static final long MAX_MICROS = 60_000_000L;

    private final List<KvClient.Endpoint> endpoints;
    private final int clients;
    private final int valueSize;
    private final int keys;
    private KvClient.Endpoint leader;

    BenchLoad(List<KvClient.Endpoint> endpoints, int clients, int valueSize, int keys) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.valueSize = valueSize;
        this.keys = keys;
    }

    /** Waits until a node answers a read as leader, and remembers that node. */
    void awaitLeader(long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        try (KvClient client = new KvClient(endpoints, 2000)) {
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (client.call("GET", "/kv/warmup", Map.of(), null, 2000).status() == 200) {
                        leader = client.lastAnswered();
                        return;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                Thread.sleep(100);
            }
        }
        throw new UserError("the cluster elected no leader within " + millis + " ms; see the node logs");
    }

    /** What one phase has counted so far; touched only by its selector thread. */
    private static final class Tally {
        final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
        final long endNanos;
        long ok;
        long failed;

        Tally(long endNanos) { this.endNanos = endNanos; }
    }

    /** One phase of writes or reads; {@link #awaitLeader} must have found the leader. */
    Result run(boolean write, long millis) throws Exception {
        if (leader == null) throw new IllegalStateException("awaitLeader must find the leader before a phase runs");
        byte[][] requests = requests(write);
        long start = System.nanoTime();
        Tally tally = new Tally(start + millis * 1_000_000);
        try (Selector selector = Selector.open()) {
            List<Client> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) all.add(new Client(c, selector, requests));
            for (Client c : all) c.connect(leader);
            while (System.nanoTime() < tally.endNanos) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Client c = (Client) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) c.flush();
                        if (key.isValid() && key.isReadable()) c.read(tally);
                    } catch (IOException e) {
                        tally.failed++;
                        c.reconnect(leader);
                    }
                }
                selector.selectedKeys().clear();
            }
            for (Client c : all) c.close();
        }
        return new Result(tally.ok, tally.failed, (System.nanoTime() - start) / 1e9, tally.latencyMicros);
    }

    /** One request per key, built once: the bench measures the nodes, not the building of requests. */
    private byte[][] requests(boolean write) {
        String value = "\"" + "v".repeat(Math.max(0, valueSize - 2)) + "\"";
        byte[] body = ("{\"value\":" + value + "}").getBytes(StandardCharsets.UTF_8);
        byte[][] requests = new byte[keys][];
        for (int k = 0; k < keys; k++) {
            String head = (write ? "PUT" : "GET") + " /kv/k" + k + " HTTP/1.1\r\nHost: " + leader + "\r\n"
                    + (write ? "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n" : "\r\n");
            byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
            requests[k] = write ? concat(h, body) : h;
        }
        return requests;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** One client: its connection, the request it has in flight, and the answer read so far. */
    private final class Client {
        private final Selector selector;
        private final byte[][] requests;
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private long next;
        private long sentAt;

        Client(int id, Selector selector, byte[][] requests) {
            this.selector = selector;
            this.requests = requests;
            this.next = id;
        }

        void connect(KvClient.Endpoint to) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress(to.host(), to.port()));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            send();
        }

        /** After a broken connection or a redirect: a fresh connection, to the leader as last known. */
        void reconnect(KvClient.Endpoint to) {
            close();
            try {
                connect(to);
            } catch (IOException e) {
                // The next select finds nothing for this client; the phase ends without it.
            }
        }

        private void send() throws IOException {
            out = ByteBuffer.wrap(requests[(int) (next % requests.length)]);
            next += clients;
            in.clear();
            sentAt = System.nanoTime();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void read(Tally tally) throws IOException {
            if (channel.read(in) < 0) throw new IOException("the node closed the connection");
            int status = Answer.complete(in.array(), in.position());
            if (status == 0) {
                if (!in.hasRemaining()) throw new IOException("an answer larger than " + in.capacity() + " bytes");
                return;
            }
            long now = System.nanoTime();
            if (status == 200) {
                tally.latencyMicros.recordValue(Math.min(MAX_MICROS, (now - sentAt) / 1000));
                tally.ok++;
            } else {
                tally.failed++;
                if (status == 307) {
                    KvClient.Endpoint to = Answer.location(in.array(), in.position());
                    if (to != null) {
                        leader = to;
                        reconnect(to);
                        return;
                    }
                }
            }
            if (now < tally.endNanos) send();
        }

        void close() {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel = null;
        }
    }

    /** Reading one answer of the node: it always carries Content-Length. */
    static final class Answer {
        private Answer() {}

        /** The status code once the whole answer is in {@code buf[0, length)}, else 0. */
        static int complete(byte[] buf, int length) {
            int headEnd = indexOf(buf, length, "\r\n\r\n");
            if (headEnd < 0) return 0;
            String head = new String(buf, 0, headEnd, StandardCharsets.ISO_8859_1);
            int contentLength = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) contentLength = Integer.parseInt(line.substring(15).trim());
            }
            if (length < headEnd + 4 + contentLength) return 0;
            return Integer.parseInt(head.substring(9, 12));
        }

        static KvClient.Endpoint location(byte[] buf, int length) {
            for (String line : new String(buf, 0, length, StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (line.regionMatches(true, 0, "location:", 0, 9)) {
                    URI uri = URI.create(line.substring(9).trim());
                    return new KvClient.Endpoint(uri.getHost(), uri.getPort());
                }
                if (line.isEmpty()) break;
            }
            return null;
        }

        private static int indexOf(byte[] buf, int length, String what) {
            outer:
            for (int i = 0; i + what.length() <= length; i++) {
                for (int j = 0; j < what.length(); j++) if (buf[i + j] != what.charAt(j)) continue outer;
                return i;
            }
            return -1;
        }
    }
}
