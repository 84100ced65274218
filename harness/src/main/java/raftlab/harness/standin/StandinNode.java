package raftlab.harness.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for raft-node that speaks the same client API and takes the same arguments, for
 * developing and measuring the harness on its own: the first node of {@code --peers} is the
 * leader forever and keeps the data (in a log written before each acknowledgement, so a kill -9
 * loses nothing); the others answer 307 towards it, or 503 when it cannot be reached. It is
 * linearizable only because one node does all the work; it is not Raft.
 */
public final class StandinNode {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, JsonNode> data = new TreeMap<>();
    private final String id;
    private final String leaderId;
    private final String leaderClientAddress;
    private final RandomAccessFile log;

    private StandinNode(String id, String leaderId, String leaderClientAddress, Path dataDir) throws IOException {
        this.id = id;
        this.leaderId = leaderId;
        this.leaderClientAddress = leaderClientAddress;
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("standin.log");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int tab = line.indexOf('\t');
                if (tab > 0) data.put(line.substring(0, tab), JSON.readTree(line.substring(tab + 1)));
            }
        }
        log = new RandomAccessFile(file.toFile(), "rw");
        log.seek(log.length());
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        // Only the options with a value matter here; switches such as --bug-... are accepted and ignored.
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].startsWith("--") && !args[i + 1].startsWith("--")) options.put(args[i], args[++i]);
        }
        String id = options.get("--id");
        String[] peers = Objects.requireNonNull(options.get("--peers"), "--peers").split(",");
        String leader = peers[0].split("=")[0];
        String[] leaderParts = peers[0].split("=")[1].split(":");
        int clientPort = -1;
        String host = null;
        for (String peer : peers) {
            String[] kv = peer.split("=");
            if (kv[0].equals(id)) {
                String[] parts = kv[1].split(":");
                host = parts[0];
                clientPort = Integer.parseInt(parts[2]);
            }
        }
        StandinNode node = new StandinNode(id, leader, leaderParts[0] + ":" + leaderParts[2], Path.of(options.get("--data-dir")));
        HttpServer server = HttpServer.create(new InetSocketAddress(host, clientPort), 256);
        server.createContext("/", node::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("stand-in node " + id + " serving on " + host + ":" + clientPort + (id.equals(leader) ? " as leader" : " redirecting to " + leader));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/status")) {
                reply(exchange, 200, "{\"id\":\"" + id + "\",\"role\":\"" + (id.equals(leaderId) ? "leader" : "follower")
                        + "\",\"term\":1,\"leader\":\"" + leaderId + "\"}");
                return;
            }
            if (path.equals("/health")) { reply(exchange, 200, "{\"ok\":true}"); return; }
            if (path.startsWith("/admin/")) { reply(exchange, 200, "{}"); return; }
            if (!path.startsWith("/kv/")) { reply(exchange, 404, "{\"error\":\"unknown path\"}"); return; }
            if (!id.equals(leaderId)) {
                exchange.getResponseHeaders().add("Location", "http://" + leaderClientAddress + exchange.getRequestURI());
                exchange.getResponseHeaders().add("Raft-Leader", leaderId);
                reply(exchange, 307, "{\"error\":\"not leader\",\"leader\":\"" + leaderId + "\"}");
                return;
            }
            boolean cas = path.endsWith("/cas");
            String key = path.substring(4, cas ? path.length() - 4 : path.length());
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    JsonNode value;
                    synchronized (this) { value = data.get(key); }
                    reply(exchange, 200, "{\"value\":" + (value == null ? "null" : value.toString()) + "}");
                }
                case "PUT" -> {
                    JsonNode value = JSON.readTree(body).get("value");
                    synchronized (this) { put(key, value); }
                    reply(exchange, 200, "{}");
                }
                case "POST" -> {
                    JsonNode request = JSON.readTree(body);
                    boolean ok;
                    synchronized (this) {
                        JsonNode current = data.get(key);
                        JsonNode expect = request.get("expect");
                        ok = current != null && current.equals(expect) || current == null && (expect == null || expect.isNull());
                        if (ok) put(key, request.get("value"));
                    }
                    reply(exchange, ok ? 200 : 409, ok ? "{}" : "{\"error\":\"mismatch\"}");
                }
                default -> reply(exchange, 400, "{\"error\":\"bad method\"}");
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private void put(String key, JsonNode value) {
        try {
            log.write((key + "\t" + value + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        data.put(key, value);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
