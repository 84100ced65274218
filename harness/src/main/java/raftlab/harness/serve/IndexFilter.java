package raftlab.harness.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs index's filters, from the query string: {@code verdict} (valid, invalid, unknown),
 * {@code test} (a test name) and {@code date} ({@code yyyy-MM-dd}, the day the run started). Empty means any.
 */
record IndexFilter(String verdict, String test, String date) {
    static final IndexFilter NONE = new IndexFilter("", "", "");
    private static final int MAX_QUERY_CHARS = 2048;

    static IndexFilter parse(String rawQuery) {
        String verdict = "", test = "", date = "";
        if (rawQuery == null || rawQuery.length() > MAX_QUERY_CHARS) return NONE;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            String value;
            try {
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                continue;
            }
            switch (pair.substring(0, eq)) {
                case "verdict" -> verdict = value;
                case "test" -> test = value;
                case "date" -> date = value;
                default -> { }
            }
        }
        return new IndexFilter(verdict, test, date);
    }

    boolean accepts(RunSummary run) {
        if (!verdict.isEmpty() && !verdict.equals(run.verdict())) return false;
        if (!test.isEmpty() && !test.equals(run.test())) return false;
        return date.isEmpty() || (run.start() != null && run.start().toLocalDate().toString().equals(date));
    }

    List<RunSummary> apply(List<RunSummary> runs) {
        List<RunSummary> out = new ArrayList<>();
        for (RunSummary r : runs) if (accepts(r)) out.add(r);
        return out;
    }
}
