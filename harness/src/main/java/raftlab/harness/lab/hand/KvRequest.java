package raftlab.harness.lab.hand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One client-API request typed by hand: {@code get KEY}, {@code put KEY VALUE} or
 * {@code cas KEY EXPECT VALUE}. Values are JSON scalars as the API takes them: {@code 5} is a
 * number, {@code "5"} a string, {@code null} absent (for a compare-and-set's expectation), and a
 * bare word is a string.
 *
 * @param body the JSON body, or null for a read
 */
public record KvRequest(String method, String path, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_KEY_CHARS = 256;

    /** An IllegalArgumentException with one sentence when the words are not a request. */
    public static KvRequest parse(String op, List<String> words) {
        String usage = "use get KEY, put KEY VALUE or cas KEY EXPECT VALUE";
        int want = switch (op) {
            case "get" -> 1;
            case "put" -> 2;
            case "cas" -> 3;
            default -> throw new IllegalArgumentException("unknown operation " + op + "; " + usage);
        };
        if (words.size() != want) throw new IllegalArgumentException(op + " takes " + want + " argument" + (want == 1 ? "" : "s") + ", not " + words.size() + "; " + usage);
        String key = words.get(0);
        if (key.isEmpty() || key.length() > MAX_KEY_CHARS) throw new IllegalArgumentException("a key has 1 to " + MAX_KEY_CHARS + " characters; " + usage);
        String path = "/kv/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
        return switch (op) {
            case "get" -> new KvRequest("GET", path, null);
            case "put" -> new KvRequest("PUT", path, "{\"value\":" + scalar(words.get(1)) + "}");
            default -> new KvRequest("POST", path + "/cas", "{\"expect\":" + scalar(words.get(1)) + ",\"value\":" + scalar(words.get(2)) + "}");
        };
    }

    /** A command-line word as a JSON scalar: numbers, quoted strings and null as written, anything else as a string. */
    static String scalar(String word) {
        try {
            JsonNode node = JSON.readTree(word);
            if (node != null && (node.isNumber() || node.isTextual() || node.isNull())) return node.toString();
        } catch (Exception notJson) {
            // A bare word: a string.
        }
        return JSON.valueToTree(word).toString();
    }
}
