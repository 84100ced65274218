package raftlab.harness.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.history.HistoryReader;
import raftlab.history.Op;
import raftlab.history.ValueText;

/**
 * Reads a run's history for the run page: {@code history.jsonl} (which keeps {@code node}), else
 * {@code history.edn} through the checker's reader. Bounded: a history beyond {@link #MAX_EVENTS}
 * events is cut there, and each value is shortened to {@link #MAX_VALUE_CHARS} characters.
 */
final class HistoryEvents {
    static final int MAX_EVENTS = 2_000_000;
    static final int MAX_VALUE_CHARS = 120;
    private static final JsonFactory JSON = new JsonFactory();

    private HistoryEvents() {}

    /** The events, or an empty list when the run has no history (yet). */
    static List<HistoryEvent> read(Path run) throws IOException {
        Path jsonl = run.resolve("history.jsonl");
        if (Files.isRegularFile(jsonl)) return readJsonl(jsonl);
        Path edn = run.resolve("history.edn");
        if (!Files.isRegularFile(edn)) return List.of();
        List<HistoryEvent> out = new ArrayList<>();
        for (Op op : HistoryReader.read(edn)) {
            if (out.size() >= MAX_EVENTS) break;
            out.add(new HistoryEvent(op.index(), op.time(), op.type().keyword(), op.isNemesis() ? HistoryEvent.NEMESIS : op.process(),
                    op.f(), shorten(ValueText.edn(op.value())), op.error(), null));
        }
        return out;
    }

    static List<HistoryEvent> readJsonl(Path file) throws IOException {
        List<HistoryEvent> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null && out.size() < MAX_EVENTS) {
                if (token != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                out.add(event(p));
            }
        }
        return out;
    }

    /** One object, with the parser on its START_OBJECT; unknown fields are skipped whatever they hold. */
    private static HistoryEvent event(JsonParser p) throws IOException {
        long index = -1, time = -1, process = 0;
        String type = "info", f = null, value = "nil", error = null, node = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "index" -> index = p.getValueAsLong(-1);
                case "time" -> time = p.getValueAsLong(-1);
                case "type" -> type = scalar(p, t, "info");
                case "process" -> process = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : HistoryEvent.NEMESIS;
                case "f" -> f = scalar(p, t, null);
                case "value" -> value = shorten(valueText(p, t));
                case "error" -> error = t == JsonToken.VALUE_NULL ? null : shorten(valueText(p, t));
                case "node" -> node = scalar(p, t, null);
                default -> p.skipChildren();
            }
        }
        return new HistoryEvent(index, time, type, process, f, value, error, node);
    }

    private static String scalar(JsonParser p, JsonToken t, String otherwise) throws IOException {
        if (t.isScalarValue() && t != JsonToken.VALUE_NULL) return p.getText();
        p.skipChildren();
        return otherwise;
    }

    /** A JSON value written back as EDN-like text: arrays in brackets separated by spaces, null as nil, strings bare. */
    private static String valueText(JsonParser p, JsonToken t) throws IOException {
        StringBuilder out = new StringBuilder();
        appendValue(p, t, out);
        return out.toString();
    }

    private static void appendValue(JsonParser p, JsonToken t, StringBuilder out) throws IOException {
        switch (t) {
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
                    if (!first) out.append(' ');
                    first = false;
                    if (out.length() > MAX_VALUE_CHARS) p.skipChildren();
                    else appendValue(p, e, out);
                }
                out.append(']');
            }
            case START_OBJECT -> {
                out.append("{...}");
                p.skipChildren();
            }
            case VALUE_NULL -> out.append("nil");
            // JSONL writes keywords as strings too, so a string is shown bare: "mismatch", not "\"mismatch\"".
            case VALUE_STRING -> out.append(p.getText());
            default -> out.append(p.getText());
        }
    }

    static String shorten(String s) {
        return s == null || s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }
}
