package raftlab.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Tag;
import us.bpsm.edn.TaggedValue;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads EDN histories: a vector or list of op maps (Knossos's data files, some Jepsen histories),
 * or one op map per line (Jepsen's history.edn, raftlab's, Porcupine's kv logs). Elements of a
 * top-level vector are read one at a time, so every error names the line of the op it is in.
 * Tagged literals that real histories hold ({@code #jepsen.history.Op{...}}, {@code #inst},
 * {@code #object[...]}) are read as their untagged value; {@code #{}} sets stay sets.
 */
final class EdnHistoryParser {
    private EdnHistoryParser() {}

    private static final Parser PARSER = Parsers.newParser(Parsers.newParserConfigBuilder()
            .putTagHandler(Tag.newTag("inst"), (tag, value) -> value)
            .putTagHandler(Tag.newTag("uuid"), (tag, value) -> value)
            .build());

    static List<Op> parse(Path file, String text, LongConsumer lineOfEachOp) throws HistoryFormatException {
        LineCountingParseable in = new LineCountingParseable(text);
        List<Op> ops = new ArrayList<>();
        while (true) {
            int c = in.peekPastSpace();
            if (c < 0) return ops;
            if (c == '[' || c == '(') {
                char close = c == '[' ? ']' : ')';
                int openLine = in.line();
                in.skip();
                while (true) {
                    int d = in.peekPastSpace();
                    if (d < 0) throw new HistoryFormatException(file, openLine, "the list of ops opened here is never closed with " + close);
                    if (d == close) {
                        in.skip();
                        break;
                    }
                    lineOfEachOp.accept(in.line());
                    ops.add(readOp(file, in, ops.size()));
                }
            } else {
                lineOfEachOp.accept(in.line());
                ops.add(readOp(file, in, ops.size()));
            }
        }
    }

    private static Op readOp(Path file, LineCountingParseable in, int position) throws HistoryFormatException {
        int line = in.line();
        Object value;
        try {
            value = untag(PARSER.nextValue(in));
        } catch (LineCountingParseable.TooDeep e) {
            throw new HistoryFormatException(file, e.line(), "the op that begins on line " + line + " nests deeper than "
                    + LineCountingParseable.MAX_DEPTH + " levels here; no history needs that, so check how the file was made", e);
        } catch (EdnException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            if (in.atEnd()) throw new HistoryFormatException(file, line, "the op that begins on this line is never closed (" + firstLine(e.getMessage()) + ")", e);
            throw new HistoryFormatException(file, in.line(), "malformed EDN (" + firstLine(e.getMessage()) + ")", e);
        }
        if (value == Parser.END_OF_INPUT) throw new HistoryFormatException(file, line, "the file ends inside an op");
        if (!(value instanceof Map<?, ?> map)) {
            throw new HistoryFormatException(file, line, "expected an op map {:type ... :f ...}, found " + ValueText.edn(EdnValues.convert(value)));
        }
        return OpMaps.toOp(file, line, map, position);
    }

    static Object untag(Object value) {
        while (value instanceof TaggedValue t) value = t.getValue();
        return value;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable input";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
