package raftlab.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Writes histories as EDN (one op map per line, which Jepsen and Knossos read) or JSONL.
 * {@link #toEdn(Op)} and {@link #toJson(Op)} give one line without the newline, for writers that
 * stream a history while it is being recorded.
 */
public final class HistoryWriter {
    private HistoryWriter() {}

    public static void writeEdn(List<Op> ops, Path file) throws IOException {
        write(ops, file, HistoryWriter::toEdn);
    }

    public static void writeJsonl(List<Op> ops, Path file) throws IOException {
        write(ops, file, HistoryWriter::toJson);
    }

    private static void write(List<Op> ops, Path file, Function<Op, String> line) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Op op : ops) {
                out.write(line.apply(op));
                out.write('\n');
            }
        }
    }

    /** {@code {:index 17, :time 123, :type :invoke, :process 3, :f :cas, :value [1 2]}}; no :time when unknown. */
    public static String toEdn(Op op) {
        StringBuilder out = new StringBuilder(96);
        out.append("{:index ").append(op.index());
        if (op.time() >= 0) out.append(", :time ").append(op.time());
        out.append(", :type :").append(op.type().keyword());
        out.append(", :process ");
        if (op.isNemesis()) out.append(":nemesis");
        else out.append(op.process());
        out.append(", :f ");
        appendName(out, op.f());
        out.append(", :value ");
        ValueText.appendEdn(out, op.value());
        if (op.error() != null) {
            out.append(", :error ");
            appendName(out, op.error());
        }
        if (op.hasNode()) {
            out.append(", :node ");
            // Jepsen names nodes with strings ("n1"), not keywords.
            if (op.node().equals(Op.NO_NODE)) out.append("nil");
            else ValueText.appendQuoted(out, op.node());
        }
        return out.append('}').toString();
    }

    /** The same map in JSON: keywords become strings without the colon, nil becomes null. */
    public static String toJson(Op op) {
        StringBuilder out = new StringBuilder(96);
        out.append("{\"index\": ").append(op.index());
        if (op.time() >= 0) out.append(", \"time\": ").append(op.time());
        out.append(", \"type\": \"").append(op.type().keyword()).append('"');
        out.append(", \"process\": ");
        if (op.isNemesis()) out.append("\"nemesis\"");
        else out.append(op.process());
        out.append(", \"f\": ");
        ValueText.appendQuoted(out, op.f());
        out.append(", \"value\": ");
        ValueText.appendJson(out, op.value());
        if (op.error() != null) {
            out.append(", \"error\": ");
            ValueText.appendQuoted(out, op.error());
        }
        if (op.hasNode()) {
            out.append(", \"node\": ");
            if (op.node().equals(Op.NO_NODE)) out.append("null");
            else ValueText.appendQuoted(out, op.node());
        }
        return out.append('}').toString();
    }

    // f and error are keywords when they can be written as one, else strings
    private static void appendName(StringBuilder out, String name) {
        if (ValueText.isKeywordName(name)) out.append(':').append(name);
        else ValueText.appendQuoted(out, name);
    }
}
