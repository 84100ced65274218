package raftlab.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** Reads raftlab's history.jsonl: one JSON object per line, with the keys of docs/design.md. */
final class JsonlHistoryParser {
    private JsonlHistoryParser() {}

    private static final JsonFactory JSON = new JsonFactory();

    static List<Op> parse(Path file, String text, LongConsumer lineOfEachOp) throws HistoryFormatException {
        List<Op> ops = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            lineNumber++;
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty()) continue;
            Object value;
            try (JsonParser parser = JSON.createParser(line)) {
                value = readValue(parser, parser.nextToken());
                if (parser.nextToken() != null) throw new HistoryFormatException(file, lineNumber, "more than one JSON value on the line");
            } catch (JsonProcessingException e) {
                throw new HistoryFormatException(file, lineNumber, "malformed JSON (" + e.getOriginalMessage() + ")", e);
            } catch (IOException e) {
                throw new HistoryFormatException(file, lineNumber, "unreadable JSON (" + e.getMessage() + ")", e);
            }
            if (!(value instanceof Map<?, ?> map)) throw new HistoryFormatException(file, lineNumber, "expected a JSON object per line, found " + ValueText.json(value));
            ops.add(OpMaps.toOp(file, lineNumber, map, ops.size()));
            lineOfEachOp.accept(lineNumber);
        }
        return ops;
    }

    private static Object readValue(JsonParser p, JsonToken token) throws IOException {
        if (token == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "empty input");
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String key = p.currentName();
                    map.put(key, readValue(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) list.add(readValue(p, t));
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + token);
        };
    }
}
