package raftlab.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Values are JSON scalars, stored as canonical JSON text so that JSON equality is string equality:
 * integers in plain decimal ({@code 5}, never {@code 5.0} or {@code 5e0}), strings as Jackson writes
 * them, and {@code true}/{@code false}.
 */
public final class JsonValues {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * Request bodies: one JSON value and nothing after it, no key twice ({@code {"value":1}xyz} and
     * {@code {"value":1,"value":2}} were accepted, the second as 2).
     */
    private static final ObjectReader STRICT = MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonValues() {}

    /** Thrown for input a client must fix; the message is one sentence. */
    public static final class BadInput extends Exception {
        public BadInput(String message) { super(message); }
    }

    /** The canonical text of a JSON scalar; {@code allowNull} lets an explicit null through as Java null. */
    public static String canonical(JsonNode node, String field, boolean allowNull) throws BadInput {
        if (node == null) throw new BadInput("the body has no \"" + field + "\" field");
        if (node.isNull()) {
            if (allowNull) return null;
            throw new BadInput("\"" + field + "\" must not be null (use DELETE to remove a key)");
        }
        if (node.isIntegralNumber()) return node.bigIntegerValue().toString();
        if (node.isNumber()) {
            throw new BadInput("\"" + field + "\" is a fractional number; values must be integers, strings or booleans");
        }
        if (node.isTextual() || node.isBoolean()) {
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new BadInput("\"" + field + "\" could not be written back as JSON");
            }
        }
        throw new BadInput("\"" + field + "\" is a JSON " + node.getNodeType().name().toLowerCase()
                + "; values must be integers, strings or booleans");
    }

    public static ObjectNode parseObject(byte[] body) throws BadInput {
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (java.io.IOException e) {
            throw new BadInput("the body is not valid JSON (one object, nothing after it, no key twice)");
        }
        if (node == null || !node.isObject()) throw new BadInput("the body must be a JSON object");
        return (ObjectNode) node;
    }

    /** A JSON string literal for {@code text}, or {@code null}. */
    public static String quote(String text) {
        if (text == null) return "null";
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
