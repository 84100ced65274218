package raftlab.harness.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The run page's data as JSON, column by column so that 100,000 operations stay a few megabytes:
 * times in microseconds, functions, nodes and errors as indexes into small tables. The page's script
 * reads it from an inline script element, which also works when the page is opened from a file.
 */
final class RunData {
    private RunData() {}

    static String json(Timeline timeline, JsonNode results) {
        StringWriter out = new StringWriter(64 + timeline.intervals().size() * 48);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("end", micros(timeline.endNanos()));
            g.writeArrayFieldStart("processes");
            for (long p : timeline.processes()) g.writeNumber(p);
            g.writeEndArray();
            Table fs = new Table(), nodes = new Table(), errors = new Table();
            Map<Long, Integer> lane = new LinkedHashMap<>();
            for (long p : timeline.processes()) lane.put(p, lane.size());
            List<Timeline.Interval> ops = timeline.intervals();
            g.writeObjectFieldStart("ops");
            g.writeArrayFieldStart("lane");
            for (var o : ops) g.writeNumber(lane.get(o.process()));
            g.writeEndArray();
            g.writeArrayFieldStart("start");
            for (var o : ops) g.writeNumber(micros(o.startNanos()));
            g.writeEndArray();
            g.writeArrayFieldStart("end");
            for (var o : ops) g.writeNumber(micros(o.endNanos()));
            g.writeEndArray();
            g.writeArrayFieldStart("type");
            for (var o : ops) g.writeNumber(o.open() ? 3 : switch (o.type()) { case "ok" -> 0; case "fail" -> 1; default -> 2; });
            g.writeEndArray();
            g.writeArrayFieldStart("f");
            for (var o : ops) g.writeNumber(fs.id(o.f()));
            g.writeEndArray();
            g.writeArrayFieldStart("value");
            for (var o : ops) g.writeString(o.value());
            g.writeEndArray();
            g.writeArrayFieldStart("node");
            for (var o : ops) g.writeNumber(nodes.id(o.node()));
            g.writeEndArray();
            g.writeArrayFieldStart("error");
            for (var o : ops) g.writeNumber(errors.id(o.error()));
            g.writeEndArray();
            g.writeArrayFieldStart("index");
            for (var o : ops) g.writeNumber(o.invokeIndex());
            g.writeEndArray();
            g.writeEndObject();
            writeTable(g, "fs", fs);
            writeTable(g, "nodes", nodes);
            writeTable(g, "errors", errors);
            g.writeArrayFieldStart("faults");
            for (var band : timeline.faults()) {
                g.writeStartObject();
                g.writeStringField("kind", band.kind());
                g.writeNumberField("start", micros(band.startNanos()));
                g.writeNumberField("end", micros(band.endNanos()));
                g.writeStringField("value", band.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nemesis");
            for (var mark : timeline.nemesis()) {
                g.writeStartObject();
                g.writeNumberField("time", micros(mark.timeNanos()));
                g.writeStringField("f", mark.f());
                g.writeStringField("value", mark.value());
                if (mark.error() != null) g.writeStringField("error", mark.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failures");
            for (long index : failingInvokes(results)) g.writeNumber(index);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The invocation index of each operation the checker could not linearize (one per failing key). */
    static List<Long> failingInvokes(JsonNode results) {
        TreeSet<Long> out = new TreeSet<>();
        JsonNode checker = results.path("linearizable").path("checker");
        addInvoke(checker, out);
        for (JsonNode key : checker.path("results")) addInvoke(key, out);
        return new ArrayList<>(out);
    }

    private static void addInvoke(JsonNode result, TreeSet<Long> out) {
        JsonNode invoke = result.path("invoke");
        if (invoke.path("index").canConvertToLong()) out.add(invoke.path("index").asLong());
    }

    private static long micros(long nanos) { return nanos < 0 ? -1 : nanos / 1000; }

    private static void writeTable(JsonGenerator g, String name, Table t) throws IOException {
        g.writeArrayFieldStart(name);
        for (String s : t.names) g.writeString(s);
        g.writeEndArray();
    }

    /** Distinct strings numbered in order of first use; null is -1. */
    private static final class Table {
        final List<String> names = new ArrayList<>();
        final Map<String, Integer> ids = new LinkedHashMap<>();

        int id(String s) {
            if (s == null) return -1;
            return ids.computeIfAbsent(s, k -> { names.add(k); return names.size() - 1; });
        }
    }
}
