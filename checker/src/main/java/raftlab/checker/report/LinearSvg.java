package raftlab.checker.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import raftlab.checker.Failure;
import raftlab.history.Op;

/**
 * linear.svg: only the window around the failure (the failing operation, the witness that proves
 * it, those concurrent with it and the end of the longest linearizable prefix), one row per process
 * on a time axis, so it stays a few kilobytes however long the history is. The axis is clipped
 * around the failing operation and its witness: a crashed operation invoked long before would
 * otherwise stretch it until the interesting part is a sliver. Fill says how an operation ended
 * (green ok, orange failed but ran, grey crashed: unknown, red cannot take effect); a thick blue
 * outline marks the witness. checker/README.md and docs/labs/README.md say the same.
 */
final class LinearSvg {
    private static final int PREFIX_SHOWN = 12;
    private static final int WIDTH = 1000;
    private static final int LEFT = 110;
    private static final int ROW = 28;
    private static final int TOP = 90;

    /** The legend, word for word as in checker/README.md. */
    static final String LEGEND = "green: ok; orange: failed but ran; grey: crashed (:info, outcome unknown); red: cannot take effect; "
            + "blue outline: the witness; \u25c0 \u25b6: continues outside the window";

    private LinearSvg() {}

    static String render(Failure failure, List<Op> history) {
        Set<Long> wanted = new HashSet<>();
        wanted.add(failure.invoke().index());
        for (Op o : failure.concurrent()) wanted.add(o.index());
        Op witness = failure.witness();
        List<Op> prefix = failure.prefix();
        Set<Long> prefixIndexes = new HashSet<>();
        for (Op o : prefix.subList(Math.max(0, prefix.size() - PREFIX_SHOWN), prefix.size())) prefixIndexes.add(o.index());
        List<Interval> all = Interval.all(history);
        Interval red = null;
        Interval proof = null;
        for (Interval in : all) {
            if (in.invoke().index() == failure.invoke().index()) red = in;
            if (witness != null && in.completion() != null && in.completion().index() == witness.index()) proof = in;
        }
        // the window: the red operation and its witness, with a quarter of their span on each side
        double lo = red == null ? 0 : red.start();
        double hi = red == null ? 1 : red.completion() != null ? red.end() : red.start();
        if (proof != null) {
            lo = Math.min(lo, proof.start());
            hi = Math.max(hi, proof.end());
        }
        double pad = Math.max((hi - lo) / 4, 1);
        double min = lo - pad;
        double max = hi + pad;
        List<Interval> shown = new ArrayList<>();
        for (Interval in : all) {
            boolean inPrefix = prefixIndexes.contains(in.invoke().index()) || (in.completion() != null && prefixIndexes.contains(in.completion().index()));
            boolean inWindow = in.end() >= min && in.start() <= max;
            if (in == red || in == proof || (inWindow && (wanted.contains(in.invoke().index()) || inPrefix))) shown.add(in);
        }
        TreeMap<Long, Integer> rows = new TreeMap<>();
        for (Interval in : shown) rows.putIfAbsent(in.invoke().process(), 0);
        int r = 0;
        for (Long p : rows.keySet()) rows.put(p, r++);
        int height = TOP + rows.size() * ROW + 54;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Not linearizable: the red operation cannot take effect</text>\n");
        int y = 36;
        for (String line : wrap(failure.explanation(), 150)) {
            svg.append("<text x=\"10\" y=\"").append(y).append("\">").append(Html.escape(line)).append("</text>\n");
            y += 14;
        }
        for (var e : rows.entrySet()) {
            int rowY = TOP + e.getValue() * ROW;
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">process %s</text>%n", rowY + 17, e.getKey() == Op.NEMESIS ? "nemesis" : e.getKey()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n", LEFT, WIDTH - 10, rowY + ROW - 2, rowY + ROW - 2));
        }
        double scale = (WIDTH - LEFT - 20) / (max - min);
        for (Interval in : shown) {
            boolean failing = in.invoke().index() == failure.invoke().index();
            boolean isWitness = in == proof;
            double from = Math.max(in.start(), min);
            double to = Math.min(in.end(), max);
            double x = LEFT + (from - min) * scale;
            double w = Math.max(3, (to - from) * scale);
            int rowY = TOP + rows.get(in.invoke().process()) * ROW;
            String clipped = (in.start() < min ? "\u25c0 " : "") + in.label() + (in.end() > max ? " \u25b6" : "");
            String tip = Html.escape(in.label() + (isWitness ? " (the witness)" : "") + " (invoke index " + in.invoke().index() + ")");
            svg.append(String.format(Locale.ROOT, "<g><title>%s</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\">%s</text></g>%n",
                    tip, x, rowY + 3, w, ROW - 8, in.color(failing), isWitness ? "#1f5fbf" : failing ? "#900" : "#666", isWitness ? "3" : "1",
                    x + 3, rowY + 17, Html.escape(clipped)));
        }
        boolean timed = history.stream().allMatch(o -> o.time() >= 0);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, height - 12,
                timed ? String.format(Locale.ROOT, "time %.6f s to %.6f s (clipped around the red operation)", min / 1e9, max / 1e9)
                        : String.format(Locale.ROOT, "history positions %.0f to %.0f (the history has no times)", min, max)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, height - 26, Html.escape(LEGEND)));
        return svg.append("</svg>\n").toString();
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines.subList(0, Math.min(lines.size(), 6));
    }
}
