package raftlab.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads Jepsen's old text log, as in Porcupine's etcd histories:
 * {@code INFO  jepsen.util - 3\t:invoke\t:cas\t[3 0]}. Other log lines are skipped; a
 * {@code :timed-out} value becomes a nil value with {@code :error :timed-out}. The log has no times,
 * so ops are ordered by line.
 */
final class EtcdLogParser {
    static final String MARKER = "jepsen.util -";

    private EtcdLogParser() {}

    private static final Parser PARSER = Parsers.newParser(Parsers.defaultConfiguration());

    static List<Op> parse(Path file, String text, LongConsumer lineOfEachOp) throws HistoryFormatException {
        List<Op> ops = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(MARKER);
            if (at < 0) continue;
            long lineNumber = i + 1L;
            String[] parts = lines[i].substring(at + MARKER.length()).strip().split("\\s+", 4);
            if (parts.length < 3) throw new HistoryFormatException(file, lineNumber, "expected '<process> <:type> <:f> <value>' after '" + MARKER + "'");
            long process;
            try {
                process = parts[0].equals(":nemesis") ? Op.NEMESIS : Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                throw new HistoryFormatException(file, lineNumber, "process '" + parts[0] + "' is not a number");
            }
            OpType type = switch (parts[1]) {
                case ":invoke" -> OpType.INVOKE;
                case ":ok" -> OpType.OK;
                case ":fail" -> OpType.FAIL;
                case ":info" -> OpType.INFO;
                default -> throw new HistoryFormatException(file, lineNumber, "type '" + parts[1] + "' is not :invoke, :ok, :fail or :info");
            };
            if (!parts[2].startsWith(":") || parts[2].length() < 2) throw new HistoryFormatException(file, lineNumber, "function '" + parts[2] + "' is not a keyword such as :read");
            Object value = parts.length < 4 ? null : parseValue(file, lineNumber, parts[3].strip());
            String error = null;
            if (value instanceof Keyword k) {
                error = k.name();
                value = null;
            }
            ops.add(new Op(ops.size(), -1, type, process, parts[2].substring(1), value, error));
            lineOfEachOp.accept(lineNumber);
        }
        return ops;
    }

    private static Object parseValue(Path file, long line, String text) throws HistoryFormatException {
        try {
            Object v = PARSER.nextValue(Parsers.newParseable(text));
            if (v == Parser.END_OF_INPUT) return null;
            return EdnValues.convert(v);
        } catch (EdnException e) {
            throw new HistoryFormatException(file, line, "value '" + text + "' is not EDN (" + e.getMessage() + ")", e);
        }
    }
}
