package raftlab.node.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import raftlab.node.cli.LocalCluster;
import raftlab.node.client.HttpConnection;
import raftlab.node.client.KvClient;
import raftlab.node.transport.PeerAddress;
import raftlab.node.transport.Stranger;

/**
 * Replays the hostile clients of issue 14 against a running local cluster, each reported as one
 * {@link ProbeResult}: strict input, a chunk-size line that never ends, strangers on the peer port,
 * and (in {@link #load}) hundreds of slow clients and unfinished bodies against the leader while
 * {@code /health} must keep answering. Every probe ends by checking that the cluster still
 * acknowledges a write.
 */
public final class HostileProbes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 10_000;

    private final LocalCluster cluster;
    private final String clusterId;
    private final Consumer<ProbeResult> report;
    private final List<ProbeResult> results = new ArrayList<>();

    public HostileProbes(LocalCluster cluster, String clusterId, Consumer<ProbeResult> report) {
        this.cluster = cluster;
        this.clusterId = clusterId;
        this.report = report;
    }

    public List<ProbeResult> results() { return List.copyOf(results); }

    public boolean allOk() { return results.stream().allMatch(ProbeResult::ok); }

    private void result(String name, String expected, String observed, boolean ok) {
        ProbeResult r = new ProbeResult(name, expected, observed, ok);
        results.add(r);
        report.accept(r);
    }

    /** The node that says it leads, waiting up to 30 s; 1-based. */
    public int leader() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (int n = 1; n <= cluster.size(); n++) {
                PeerAddress a = cluster.addresses().get(n - 1);
                try (HttpConnection c = new HttpConnection(a.host(), a.clientPort(), 2000)) {
                    JsonNode status = JSON.readTree(c.request("GET", "/status", Map.of(), null).body());
                    if (status.path("role").asText().equals("leader")) return n;
                } catch (IOException | RuntimeException e) {
                    // not up, or not answering yet
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no node of the cluster became leader within 30 s");
    }

    /** Whether the cluster acknowledges a write now (within 10 s). */
    private String writeAcknowledged() {
        try (KvClient client = new KvClient(cluster.endpoints(), 5000)) {
            HttpConnection.Response r = client.call("PUT", "/kv/probe-ack", Map.of(), "{\"value\":1}", TIMEOUT_MILLIS);
            return r.status() == 200 ? "write acknowledged" : "write answered " + r.status();
        } catch (IOException e) {
            return "write failed (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The strict-input and peer-port probes: seconds, not minutes. */
    public void quick() throws Exception {
        PeerAddress leader = cluster.addresses().get(leader() - 1);
        String h = leader.host();
        int p = leader.clientPort();
        String put = "PUT %s HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n%sContent-Length: %d\r\n\r\n%s";
        statusProbe("percent-not-hex", h, p, "GET /kv/%zz HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        statusProbe("percent-not-utf8", h, p, String.format(put, "/kv/%ff", "", 11, "{\"value\":1}"), 400);
        statusProbe("json-trailing-bytes", h, p, String.format(put, "/kv/strict", "", 14, "{\"value\":1}xyz"), 400);
        statusProbe("json-duplicate-key", h, p, String.format(put, "/kv/strict", "", 21, "{\"value\":1,\"value\":2}"), 400);
        statusProbe("control-char-in-path", h, p, "GET /kv/a\rLocation:evil HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        statusProbe("largest-request-seq", h, p,
                String.format(put, "/kv/seq", "Client-Id: probe-max\r\nRequest-Seq: " + Long.MAX_VALUE + "\r\n", 11, "{\"value\":1}"), 400);
        String client = "probe-" + Long.toHexString(System.nanoTime());
        int first = atLeader(String.format(put, "/kv/reuse", "Client-Id: " + client + "\r\nRequest-Seq: 1\r\n", 11, "{\"value\":1}"));
        int second = atLeader(String.format(put, "/kv/reuse", "Client-Id: " + client + "\r\nRequest-Seq: 1\r\n", 11, "{\"value\":2}"));
        result("request-seq-reused", "200 then 422", first + " then " + second, first == 200 && second == 422);
        chunkLineNeverEnds(h, p);
        peerPort(cluster.addresses().get(0), 1);
    }

    /** The status of {@code request} at the leader, asking again when leadership moved meanwhile (307, 503). */
    private int atLeader(String request) throws Exception {
        int status = -1;
        for (int attempt = 0; attempt < 10; attempt++) {
            PeerAddress leader = cluster.addresses().get(leader() - 1);
            status = RawHttp.status(leader.host(), leader.clientPort(), request, TIMEOUT_MILLIS);
            if (status != 307 && status != 503) return status;
            Thread.sleep(200);
        }
        return status;
    }

    private void statusProbe(String name, String host, int port, String request, int expected) {
        String observed;
        boolean ok;
        try {
            int status = RawHttp.status(host, port, request, TIMEOUT_MILLIS);
            observed = status < 0 ? "closed without an answer" : Integer.toString(status);
            ok = status == expected;
        } catch (IOException e) {
            observed = "failed (" + e.getMessage() + ")";
            ok = false;
        }
        result(name, Integer.toString(expected), observed, ok);
    }

    /** {@code 1;} and then megabytes without a line end: refused long before 16 MiB, and the cluster still takes writes. */
    private void chunkLineNeverEnds(String host, int port) {
        long sent = 0;
        int status = -1;
        try (Socket s = RawHttp.connect(host, port, TIMEOUT_MILLIS)) {
            OutputStream out = s.getOutputStream();
            out.write("PUT /kv/x HTTP/1.1\r\nHost: probe\r\nTransfer-Encoding: chunked\r\n\r\n1;".getBytes(StandardCharsets.ISO_8859_1));
            byte[] junk = new byte[4096];
            java.util.Arrays.fill(junk, (byte) 'a');
            try {
                while (sent < 16L << 20 && s.getInputStream().available() == 0) {
                    out.write(junk);
                    sent += junk.length;
                }
            } catch (IOException closed) {
                // the node answered and hung up while we were still writing
            }
            try {
                status = RawHttp.readStatus(s.getInputStream());
            } catch (IOException reset) {
                status = -1;
            }
        } catch (IOException e) {
            status = -2;
        }
        String ack = writeAcknowledged();
        // What was sent includes what the kernel buffered on both ends before the node's refusal arrived.
        boolean ok = status == 400 && sent < 4L << 20 && ack.equals("write acknowledged");
        result("chunk-line-never-ends", "400 long before 16 MiB (under 4 MiB sent); write acknowledged",
                (status > 0 ? Integer.toString(status) : "no answer") + " after " + sent / 1024 + " KiB; " + ack, ok);
    }

    /** Strangers on node {@code n}'s peer port: the old default secret, a huge frame, a trickle. */
    private void peerPort(PeerAddress node, int n) throws Exception {
        long logSize = Files.exists(cluster.logFile(n)) ? Files.size(cluster.logFile(n)) : 0;
        boolean hungUp;
        try (Socket s = new Socket(node.host(), node.peerPort())) {
            s.setSoTimeout(TIMEOUT_MILLIS);
            hungUp = Stranger.forgeHandshake(s, "raftlab-default-secret:" + clusterId, clusterId, "n9");
        }
        boolean logged = false;
        for (int i = 0; i < 50 && !logged; i++) {
            Thread.sleep(100);
            String log = Files.readString(cluster.logFile(n));
            logged = log.length() > logSize && log.substring((int) logSize).contains("refused a handshake");
        }
        String ack = writeAcknowledged();
        result("forged-default-secret", "refused and logged; write acknowledged",
                (hungUp ? "refused" : "NOT refused") + (logged ? " and logged" : ", not logged") + "; " + ack,
                hungUp && logged && ack.equals("write acknowledged"));
        long start = System.nanoTime();
        try (Socket s = new Socket(node.host(), node.peerPort())) {
            s.setSoTimeout(TIMEOUT_MILLIS);
            hungUp = Stranger.announceHugeFrame(s, 16 << 20);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        result("peer-huge-frame", "hang up at once (< 1000 ms)", (hungUp ? "hung up after " : "still open after ") + millis + " ms",
                hungUp && millis < 1000);
        try (Socket s = new Socket(node.host(), node.peerPort())) {
            millis = Stranger.trickleHandshake(s, 100, 15_000);
        }
        result("peer-trickled-handshake", "hang up at the 2 s handshake deadline (< 4000 ms)",
                millis < 0 ? "still open after 15 s" : "hung up after " + millis + " ms", millis >= 0 && millis < 4000);
    }

    /**
     * {@code slowClients} connections to the leader each send a header byte a second (and come back
     * when closed) for {@code seconds}, while /health is asked every two seconds on a new connection;
     * then {@code bodies} connections each send all but the last byte of a 1 MiB body.
     */
    public void load(int slowClients, long seconds, int bodies) throws Exception {
        PeerAddress leader = cluster.addresses().get(leader() - 1);
        slowHeads(leader.host(), leader.clientPort(), slowClients, seconds);
        unfinishedBodies(leader.host(), leader.clientPort(), bodies);
    }

    private void slowHeads(String host, int port, int count, long seconds) throws Exception {
        Socket[] slow = new Socket[count];
        long worstMillis = 0;
        int answered = 0;
        int asked = 0;
        int reconnects = 0;
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long nextHealth = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < count; i++) {
                    try {
                        if (slow[i] == null) {
                            slow[i] = RawHttp.connect(host, port, 2000);
                            slow[i].getOutputStream().write("GET /health HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                            reconnects++;
                        } else {
                            slow[i].getOutputStream().write('a');
                        }
                    } catch (IOException closedByTheNode) {
                        close(slow[i]);
                        slow[i] = null;
                    }
                }
                if (System.nanoTime() >= nextHealth) {
                    long[] health = RawHttp.timedHealth(host, port, TIMEOUT_MILLIS);
                    asked++;
                    if (health[1] == 200) answered++;
                    worstMillis = Math.max(worstMillis, health[0]);
                    nextHealth = System.nanoTime() + 2_000_000_000L;
                }
                Thread.sleep(1000);
            }
        } finally {
            for (Socket s : slow) close(s);
        }
        boolean ok = asked > 0 && answered == asked && worstMillis < 3000;
        result("slow-heads-x" + count, "/health 200 within 3000 ms throughout",
                answered + " of " + asked + " answered 200, slowest " + worstMillis + " ms (" + (reconnects - count) + " slow clients came back)", ok);
    }

    private void unfinishedBodies(String host, int port, int count) throws Exception {
        List<Socket> open = new ArrayList<>();
        int refused = 0;
        byte[] body = new byte[(1 << 20) - 1];
        java.util.Arrays.fill(body, (byte) 'x');
        try {
            for (int i = 0; i < count; i++) {
                Socket s = RawHttp.connect(host, port, 2000);
                open.add(s);
                try {
                    s.getOutputStream().write(("PUT /kv/body HTTP/1.1\r\nHost: probe\r\nContent-Length: " + (1 << 20) + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().write(body);
                } catch (IOException refusedWhileSending) {
                    refused++;
                }
            }
            long[] health = RawHttp.timedHealth(host, port, TIMEOUT_MILLIS);
            String ack = writeAcknowledged();
            boolean ok = health[1] == 200 && health[0] < 3000 && ack.equals("write acknowledged");
            result("unfinished-bodies-x" + count, "the node keeps answering; write acknowledged",
                    refused + " refused while sending; /health " + health[1] + " in " + health[0] + " ms; " + ack, ok);
        } finally {
            for (Socket s : open) close(s);
        }
    }

    private static void close(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
