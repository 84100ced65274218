package raftlab.checker.report;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import raftlab.checker.CheckResult;
import raftlab.checker.Failure;
import raftlab.history.Op;

/**
 * timeline.html: operations as bars, one row per process. At most {@link #MAX_OPS} operations are
 * drawn (around the failure when there is one), so the page stays small on any history.
 */
final class TimelineHtml {
    static final int MAX_OPS = 2000;
    private static final int ROW = 22;
    private static final int WIDTH = 4000;

    private TimelineHtml() {}

    static String render(CheckResult result, List<Op> history) {
        List<Interval> all = Interval.all(history);
        Failure failure = result.firstFailure();
        int center = 0;
        if (failure != null && failure.invoke() != null) {
            for (int i = 0; i < all.size(); i++) if (all.get(i).invoke().index() == failure.invoke().index()) center = i;
        }
        int from = failure == null ? 0 : Math.max(0, Math.min(center - MAX_OPS / 2, all.size() - MAX_OPS));
        List<Interval> shown = all.subList(from, Math.min(all.size(), from + MAX_OPS));
        double min = shown.stream().mapToDouble(Interval::start).min().orElse(0);
        double max = shown.stream().mapToDouble(Interval::end).max().orElse(1);
        if (max <= min) max = min + 1;
        TreeMap<Long, Integer> rows = new TreeMap<>();
        for (Interval in : shown) rows.putIfAbsent(in.invoke().process(), 0);
        int r = 0;
        for (Long p : rows.keySet()) rows.put(p, r++);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>raftlab timeline</title><style>\n")
                .append("body{font-family:sans-serif;font-size:12px} .t{position:relative;height:").append(rows.size() * ROW + 10)
                .append("px;width:").append(WIDTH + 120).append("px}\n")
                .append(".o{position:absolute;height:").append(ROW - 4).append("px;overflow:hidden;white-space:nowrap;border:1px solid #666;border-radius:3px;font-size:10px}\n")
                .append(".p{position:absolute;left:0;width:110px}\n</style></head><body>\n");
        html.append("<h1>").append(verdict(result)).append("</h1>\n");
        if (failure != null) html.append("<p>").append(Html.escape(failure.explanation())).append("</p>\n");
        html.append(String.format(Locale.ROOT, "<p>Showing %d of %d operations%s. Green ok, orange failed but ran, grey unknown (info), red cannot be linearized; hover for details.</p>%n",
                shown.size(), all.size(), shown.size() < all.size() ? " (the window around the failure)" : ""));
        html.append("<div class=\"t\">\n");
        for (var e : rows.entrySet()) {
            html.append(String.format(Locale.ROOT, "<div class=\"p\" style=\"top:%dpx\">process %s</div>%n", e.getValue() * ROW, e.getKey()));
        }
        double scale = WIDTH / (max - min);
        for (Interval in : shown) {
            boolean failing = failure != null && failure.invoke() != null && in.invoke().index() == failure.invoke().index();
            html.append(String.format(Locale.ROOT, "<div class=\"o\" style=\"left:%.0fpx;top:%dpx;width:%.0fpx;background:%s\" title=\"%s\">%s</div>%n",
                    120 + (in.start() - min) * scale, rows.get(in.invoke().process()) * ROW, Math.max(2, (in.end() - in.start()) * scale),
                    in.color(failing), Html.escape(in.label() + ", invoke index " + in.invoke().index()), Html.escape(in.label())));
        }
        return html.append("</div>\n</body></html>\n").toString();
    }

    private static String verdict(CheckResult result) {
        return switch (result.validity()) {
            case VALID -> "Linearizable (" + result.model() + ")";
            case INVALID -> "Not linearizable (" + result.model() + ")";
            case UNKNOWN -> "Unknown (" + result.model() + "): the search did not finish";
        };
    }
}
