package raftlab.harness.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the results map as EDN: keys become keywords ({@code :valid?}), {@code "unknown"} as the
 * value of {@code valid?} becomes {@code :unknown}, as Jepsen writes it.
 */
final class Edn {
    private Edn() {}

    /** EDN text written as it is: the checker's own results.edn, whose ops carry keywords as Jepsen's do. */
    record Raw(String text) {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, false);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, boolean validityValue) {
        if (value == null) out.append("nil");
        else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (!first) out.append(", ");
                first = false;
                out.append(':').append(entry.getKey());
                out.append(' ');
                write(out, entry.getValue(), "valid?".equals(entry.getKey()));
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(' ');
                write(out, list.get(i), false);
            }
            out.append(']');
        } else if (value instanceof Raw raw) out.append(raw.text());
        else if (value instanceof JsonNode node) writeJson(out, node, validityValue);
        else if (value instanceof String s) {
            if (validityValue && s.equals("unknown")) out.append(":unknown");
            else out.append(quote(s));
        } else out.append(value);
    }

    private static void writeJson(StringBuilder out, JsonNode node, boolean validityValue) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                if (!first) out.append(", ");
                first = false;
                out.append(':').append(entry.getKey()).append(' ');
                writeJson(out, entry.getValue(), "valid?".equals(entry.getKey()));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) out.append(' ');
                writeJson(out, node.get(i), false);
            }
            out.append(']');
        } else if (node.isNull()) out.append("nil");
        else if (node.isTextual()) {
            if (validityValue && node.asText().equals("unknown")) out.append(":unknown");
            else out.append(quote(node.asText()));
        } else out.append(node.toString());
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
