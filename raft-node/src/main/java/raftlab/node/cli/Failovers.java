package raftlab.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import raftlab.node.client.HttpConnection;
import raftlab.node.client.KvClient;

/** Kills the leader with SIGKILL and times how long until a write is acknowledged again; restarts the victim between rounds. */
final class Failovers {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LocalCluster cluster;
    private final int rounds;

    Failovers(LocalCluster cluster, int rounds) {
        this.cluster = cluster;
        this.rounds = rounds;
    }

    List<Long> measure() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int leader = leader(20_000);
            long start = System.nanoTime();
            cluster.kill(leader);
            long elapsed = untilWriteAcknowledged(leader, start);
            millis.add(elapsed);
            System.out.println("bench: failover " + (round + 1) + ": killed n" + leader + ", next acknowledged write after " + elapsed + " ms");
            cluster.start(leader);
            // Before the next kill, the victim must serve again and hold what the cluster committed: a fixed pause was
            // shorter than a JVM start on a loaded machine, and the next round then ran with two of five nodes down.
            awaitCaughtUp(leader, 60_000);
        }
        return millis;
    }

    private int leader(long timeoutMillis) throws InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (int n = 1; n <= cluster.size(); n++) {
                var a = cluster.addresses().get(n - 1);
                try (HttpConnection c = new HttpConnection(a.host(), a.clientPort(), 500)) {
                    JsonNode s = mapper.readTree(c.request("GET", "/status", Map.of(), null).body());
                    if (s.path("role").asText().equals("leader")) return n;
                } catch (Exception e) {
                    // down or starting
                }
            }
            Thread.sleep(50);
        }
        throw new UserError("no leader within " + timeoutMillis + " ms during the failover measurement; see the node logs");
    }

    private void awaitCaughtUp(int node, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode restarted = status(node);
            int leader = restarted == null ? -1 : leaderNumber(restarted.path("leader").asText());
            JsonNode leading = leader < 0 ? null : status(leader);
            if (leading != null && restarted.path("applied").asLong() >= leading.path("commit").asLong()) return;
            Thread.sleep(100);
        }
        throw new UserError("n" + node + " did not catch up within " + timeoutMillis + " ms of its restart; see its log");
    }

    private int leaderNumber(String id) {
        for (int n = 1; n <= cluster.size(); n++) if (cluster.addresses().get(n - 1).id().equals(id)) return n;
        return -1;
    }

    private JsonNode status(int n) {
        var a = cluster.addresses().get(n - 1);
        try (HttpConnection c = new HttpConnection(a.host(), a.clientPort(), 2000)) {
            HttpConnection.Response r = c.request("GET", "/status", Map.of(), null);
            return r.status() == 200 ? MAPPER.readTree(r.body()) : null;
        } catch (Exception e) {
            return null; // down or starting
        }
    }

    private long untilWriteAcknowledged(int killed, long start) throws Exception {
        List<KvClient.Endpoint> alive = new ArrayList<>(cluster.endpoints());
        alive.remove(killed - 1);
        while (true) {
            try (KvClient client = new KvClient(alive, 500)) {
                HttpConnection.Response r = client.call("PUT", "/kv/failover", Map.of(), "{\"value\":1}", 500);
                if (r.status() == 200) return (System.nanoTime() - start) / 1_000_000;
            } catch (java.io.IOException e) {
                // a timeout or a dead connection: try again
            }
            if (System.nanoTime() - start > 60_000_000_000L) throw new UserError("no write was acknowledged within 60 s of killing the leader");
        }
    }
}
