package raftlab.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.store.RunStore;

/** Reads a {@link RunSummary} from a run directory; a missing or broken file leaves its fields empty, never fails. */
public final class RunSummaries {
    /** test.json and results.json are a few kilobytes; anything far larger is not ours and is not parsed. */
    static final long MAX_JSON_BYTES = 4L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunSummaries() {}

    public static RunSummary read(Path store, Path run) {
        String rel = store.relativize(run).toString().replace('\\', '/');
        String stamp = run.getFileName().toString();
        String testFromPath = run.getParent().getFileName().toString();
        JsonNode test = readJson(run.resolve("test.json"));
        JsonNode results = readJson(run.resolve("results.json"));
        String lab = text(results.path("lab"), text(test.path("lab"), ""));
        long ops = results.has("ok-count")
                ? results.path("ok-count").asLong() + results.path("fail-count").asLong() + results.path("info-count").asLong() : -1;
        long duration = results.path("run-millis").asLong(results.path("simulated-millis").asLong(-1));
        return new RunSummary(rel, text(test.path("name"), testFromPath), stamp, startOf(stamp), lab, text(test.path("workload"), ""),
                strings(test.path("nemesis")), strings(test.path("bugs")), ops, verdictWord(results.path("valid?")), duration,
                text(results.path("seed"), text(test.path("seed"), "")), explanation(results));
    }

    /** The verdict as the one word people look for. */
    static String verdictWord(JsonNode valid) {
        if (valid.isBoolean()) return valid.asBoolean() ? "valid" : "invalid";
        return "unknown";
    }

    /** The first sentence that says why a run is not valid: the checker's, else an invariant's, else liveness's, else the summary. */
    static String explanation(JsonNode results) {
        for (JsonNode key : results.path("linearizable").path("not-valid-keys")) {
            String e = text(key.path("explanation"), text(key.path("unknown-reason"), ""));
            if (!e.isEmpty()) return e;
        }
        JsonNode violations = results.path("invariant-violations");
        if (violations.isArray() && !violations.isEmpty()) return "invariant violated: " + violations.get(0).asText();
        String liveness = text(results.path("liveness").path("reason"), "");
        if (!liveness.isEmpty()) return "liveness: " + liveness;
        String checkError = text(results.path("linearizable").path("error"), "");
        if (!checkError.isEmpty()) return checkError;
        return text(results.path("summary"), "");
    }

    static LocalDateTime startOf(String stamp) {
        int dash = stamp.indexOf('-');
        try {
            return LocalDateTime.parse(dash < 0 ? stamp : stamp.substring(0, dash), RunStore.STAMP);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A JSON file's tree, or an empty object when it is missing, too large or not JSON. */
    static JsonNode readJson(Path file) {
        try {
            if (Files.size(file) > MAX_JSON_BYTES) return JSON.createObjectNode();
            try (InputStream in = Files.newInputStream(file)) {
                JsonNode node = JSON.readTree(in);
                return node == null || !node.isObject() ? JSON.createObjectNode() : node;
            }
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String otherwise) {
        return node.isValueNode() && !node.isNull() ? node.asText() : otherwise;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) for (JsonNode n : node) out.add(n.asText());
        else if (node.isTextual() && !node.asText().isEmpty()) out.add(node.asText());
        return out;
    }
}
