package raftlab.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import raftlab.node.client.HttpConnection;

/** Asks every node for {@code /status} and lays the answers out as one table. */
final class StatusTable {
    private StatusTable() {}

    /** One row per node; {@code headers} carry the client token when the nodes ask for one. */
    static String render(List<NodesOption.Target> targets, Map<String, String> headers) {
        StringBuilder out = new StringBuilder();
        String format = "%-6s %-22s %-10s %6s %-6s %9s %9s %9s %9s %9s  %s%n";
        out.append(String.format(format, "id", "address", "role", "term", "leader", "commit", "applied", "first", "last", "snapshot", "bugs"));
        ObjectMapper mapper = new ObjectMapper();
        for (NodesOption.Target t : targets) {
            String address = t.endpoint().toString();
            try (HttpConnection c = new HttpConnection(t.endpoint().host(), t.endpoint().port(), 1000)) {
                HttpConnection.Response r = c.request("GET", "/status", headers, null);
                if (r.status() == 401) {
                    out.append(String.format(format, t.id() == null ? "?" : t.id(), address, "401", "", "", "", "", "", "", "",
                            headers.isEmpty() ? "asks for a client token: add --client-token-file" : "refused the client token"));
                    continue;
                }
                JsonNode s = mapper.readTree(r.body());
                String role = s.path("role").asText() + (s.path("stopped").isNull() || s.path("stopped").isMissingNode() ? "" : "(stopped)");
                StringBuilder bugs = new StringBuilder();
                s.path("bugs").forEach(b -> bugs.append(bugs.length() == 0 ? "" : ",").append(b.asText()));
                out.append(String.format(format, s.path("id").asText(), address, role, s.path("term").asLong(),
                        s.path("leader").isNull() ? "-" : s.path("leader").asText(), s.path("commit").asLong(), s.path("applied").asLong(),
                        s.path("firstIndex").asLong(), s.path("lastIndex").asLong(), s.path("snapshotIndex").asLong(), bugs));
            } catch (Exception e) {
                out.append(String.format(format, t.id() == null ? "?" : t.id(), address, "down", "", "", "", "", "", "", "", ""));
            }
        }
        return out.toString();
    }
}
