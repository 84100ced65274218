package raftlab.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftlab.checker.KeyResult;
import raftlab.checker.Validity;

/**
 * results.json and results.edn: the overall {@code valid?}, the counts, the liveness verdict,
 * and the checker's own results (what its report writer wrote, kept under {@code checker}).
 */
public final class ResultsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {}

    public static void write(Path dir, Verdict verdict, Map<String, Object> extra) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("valid?", jsonValidity(verdict.validity()));
        results.put("summary", verdict.summary());
        results.put("ok-count", verdict.ok());
        results.put("fail-count", verdict.fail());
        results.put("info-count", verdict.info());
        Map<String, Object> linear = new LinkedHashMap<>();
        linear.put("valid?", verdict.check() == null ? "unknown" : jsonValidity(verdict.check().validity()));
        linear.put("model", "register");
        linear.put("check-millis", verdict.checkMillis());
        if (verdict.checkError() != null) linear.put("error", verdict.checkError());
        if (verdict.check() != null) {
            List<Map<String, Object>> bad = new ArrayList<>();
            for (KeyResult key : verdict.check().keys()) {
                if (key.validity() == Validity.VALID) continue;
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("key", key.key());
                k.put("valid?", jsonValidity(key.validity()));
                if (key.failure() != null) k.put("explanation", key.failure().explanation());
                if (key.unknownReason() != null) k.put("unknown-reason", key.unknownReason());
                bad.add(k);
            }
            linear.put("keys-checked", verdict.check().keys().size());
            linear.put("not-valid-keys", bad);
        }
        Path checkerJson = dir.resolve("results.json");
        Path checkerEdn = dir.resolve("results.edn");
        // the checker's results.edn, read before this file replaces it: its ops carry keywords (:type :ok, :f :read)
        String checkerEdnText = Files.exists(checkerEdn) ? Files.readString(checkerEdn).strip() : null;
        if (Files.exists(checkerJson)) {
            try {
                JsonNode fromChecker = JSON.readTree(checkerJson.toFile());
                linear.put("checker", fromChecker);
            } catch (IOException e) {
                linear.put("checker", "unreadable: " + e.getMessage());
            }
        }
        results.put("linearizable", linear);
        Map<String, Object> live = new LinkedHashMap<>();
        if (verdict.liveness() != null) {
            live.put("valid?", verdict.liveness().valid());
            live.put("write-millis-after-heal", verdict.liveness().writeMillis());
            live.put("read-millis-after-heal", verdict.liveness().readMillis());
            if (verdict.liveness().reason() != null) live.put("reason", verdict.liveness().reason());
        }
        results.put("liveness", live);
        results.putAll(extra);
        JSON.writeValue(checkerJson.toFile(), results);
        if (checkerEdnText != null && linear.containsKey("checker")) linear.put("checker", new Edn.Raw(checkerEdnText));
        Files.writeString(dir.resolve("results.edn"), Edn.write(results) + "\n");
    }

    private static Object jsonValidity(Validity v) {
        return switch (v) {
            case VALID -> Boolean.TRUE;
            case INVALID -> Boolean.FALSE;
            case UNKNOWN -> "unknown";
        };
    }
}
