package raftlab.history;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

/**
 * Reads a history file, whatever its format: EDN (a vector or list of op maps, or one map per
 * line, with {@code ;} comments), raftlab's JSONL, Porcupine's etcd text logs and its kv EDN lines.
 * The format is told by the first thing in the file. Malformed input throws
 * {@link HistoryFormatException} naming the file and line.
 */
public final class HistoryReader {
    private HistoryReader() {}

    /** The formats a history may come in. */
    public enum Format { EDN, JSONL, JEPSEN_TEXT_LOG }

    public static List<Op> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new HistoryFormatException(file, 1, "the file is not UTF-8 text");
        }
        return parse(file, text);
    }

    /** Reads {@code text} as the contents of {@code file} (which names the source in errors). */
    public static List<Op> parse(Path file, String text) throws HistoryFormatException {
        return parse(file, text, line -> {});
    }

    /** A history and the line of the file each of its ops begins on, for sentences about one op. */
    public record Lined(List<Op> ops, long[] lines) {
        public long lineOf(int position) { return lines[position]; }
    }

    /** Reads a history file as {@link #read} does, keeping the line of each op. */
    public static Lined readLined(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new HistoryFormatException(file, 1, "the file is not UTF-8 text");
        }
        LongStream.Builder lines = LongStream.builder();
        List<Op> ops = parse(file, text, lines::add);
        return new Lined(ops, lines.build().toArray());
    }

    private static List<Op> parse(Path file, String text, LongConsumer lineOfEachOp) throws HistoryFormatException {
        return switch (detect(text)) {
            case EDN -> EdnHistoryParser.parse(file, text, lineOfEachOp);
            case JSONL -> JsonlHistoryParser.parse(file, text, lineOfEachOp);
            case JEPSEN_TEXT_LOG -> EtcdLogParser.parse(file, text, lineOfEachOp);
        };
    }

    public static Format detect(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ';') {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (Character.isWhitespace(c) || c == ',') {
                i++;
            } else if (c == '{') {
                int j = i + 1;
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) j++;
                return j < text.length() && text.charAt(j) == '"' ? Format.JSONL : Format.EDN;
            } else if (c == '[' || c == '(' || c == '#') {
                return Format.EDN;
            } else {
                int end = text.indexOf('\n', i);
                String line = end < 0 ? text.substring(i) : text.substring(i, end);
                return line.contains(EtcdLogParser.MARKER) || text.contains(EtcdLogParser.MARKER) ? Format.JEPSEN_TEXT_LOG : Format.EDN;
            }
        }
        return Format.EDN; // empty: no ops
    }
}
