package raftlab.checker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.checker.Validity;
import raftlab.history.HistoryFormatException;

/**
 * A corpus folder's EXPECTED.tsv, read by column name because the corpora's columns differ:
 * {@code path}, {@code model} and {@code expected} are required; {@code initial}, {@code ops} and one
 * reference timing column ending in {@code _ms} are optional.
 */
public record ExpectedTsv(Path dir, String referenceColumn, List<Row> rows) {
    /**
     * @param referenceMs the reference checker's time, or NaN
     */
    public record Row(Path file, String model, String initial, Validity expected, long ops, double referenceMs) {}

    public static ExpectedTsv read(Path dir) throws IOException {
        Path tsv = dir.resolve("EXPECTED.tsv");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new HistoryFormatException(tsv, 1, "the file is empty; expected a header line");
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = column(tsv, header, "path");
        int model = column(tsv, header, "model");
        int expected = column(tsv, header, "expected");
        int initial = header.indexOf("initial");
        int ops = header.indexOf("ops");
        int reference = -1;
        for (int i = 0; i < header.size(); i++) if (header.get(i).endsWith("_ms")) reference = i;
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) continue;
            String[] cells = line.split("\t", -1);
            if (cells.length < header.size()) throw new HistoryFormatException(tsv, n + 1, "has " + cells.length + " columns, the header " + header.size());
            Validity want = switch (cells[expected].strip()) {
                case "linearizable", "valid", "true" -> Validity.VALID;
                case "not", "invalid", "false" -> Validity.INVALID;
                case "unknown" -> Validity.UNKNOWN;
                default -> throw new HistoryFormatException(tsv, n + 1, "expected '" + cells[expected] + "' is not linearizable, not or unknown");
            };
            long opCount = -1;
            double ms = Double.NaN;
            try {
                if (ops >= 0) opCount = Long.parseLong(cells[ops].strip());
                if (reference >= 0 && !cells[reference].isBlank()) ms = Double.parseDouble(cells[reference].strip());
            } catch (NumberFormatException e) {
                throw new HistoryFormatException(tsv, n + 1, "a number column holds '" + e.getMessage() + "'");
            }
            rows.add(new Row(dir.resolve(cells[path].strip()), cells[model].strip(), initial >= 0 ? cells[initial].strip() : "",
                    want, opCount, ms));
        }
        return new ExpectedTsv(dir, reference >= 0 ? header.get(reference) : null, rows);
    }

    private static int column(Path tsv, List<String> header, String name) throws HistoryFormatException {
        int i = header.indexOf(name);
        if (i < 0) throw new HistoryFormatException(tsv, 1, "the header has no '" + name + "' column");
        return i;
    }
}
