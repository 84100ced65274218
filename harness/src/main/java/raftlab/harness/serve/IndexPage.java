package raftlab.harness.serve;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The runs index: one table row per run, newest first, with filters by verdict, test and day. */
final class IndexPage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private IndexPage() {}

    static String render(String storeName, List<RunSummary> all, IndexFilter filter) {
        List<RunSummary> shown = filter.apply(all);
        StringBuilder h = new StringBuilder(64 * 1024 + shown.size() * 400);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>raftlab runs</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>")
                .append(Html.resource("common.css")).append("</style></head>\n<body class=\"index\">\n");
        h.append("<header><h1>raftlab runs</h1><p class=\"muted\">").append(Html.escape(storeName)).append("</p></header>\n");
        appendForm(h, all, filter);
        long invalid = shown.stream().filter(r -> r.verdict().equals("invalid")).count();
        long unknown = shown.stream().filter(r -> r.verdict().equals("unknown")).count();
        h.append(String.format(Locale.ROOT, "<p id=\"count\">%d of %d runs shown: %d valid, <span class=\"count-invalid\">%d invalid</span>, %d unknown.</p>%n",
                shown.size(), all.size(), shown.size() - invalid - unknown, invalid, unknown));
        h.append("<table id=\"runs\"><thead><tr><th>verdict</th><th>test</th><th>started</th><th>lab</th><th>workload</th>")
                .append("<th>nemeses</th><th>bugs</th><th class=\"num\">operations</th><th class=\"num\">duration</th></tr></thead>\n<tbody>\n");
        for (RunSummary r : shown) {
            String href = "runs/" + urlPath(r.path()) + "/";
            h.append("<tr class=\"run\" data-verdict=\"").append(r.verdict()).append("\">")
                    .append("<td><a class=\"verdict v-").append(r.verdict()).append("\" href=\"").append(Html.escape(href)).append("\"")
                    .append(r.explanation().isEmpty() ? "" : " title=\"" + Html.escape(r.explanation()) + "\"").append(">")
                    .append(r.verdict()).append("</a></td>")
                    .append("<td><a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(r.test())).append("</a></td>")
                    .append("<td>").append(r.start() == null ? Html.escape(r.stamp()) : WHEN.format(r.start())).append("</td>")
                    .append("<td>").append(Html.escape(r.lab())).append("</td>")
                    .append("<td>").append(Html.escape(r.workload())).append("</td>")
                    .append("<td>").append(Html.escape(String.join(", ", r.nemeses()))).append("</td>")
                    .append("<td>").append(Html.escape(String.join(", ", r.bugs()))).append("</td>")
                    .append("<td class=\"num\">").append(r.operations() < 0 ? "" : String.format(Locale.ROOT, "%,d", r.operations())).append("</td>")
                    .append("<td class=\"num\">").append(duration(r.durationMillis())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (shown.isEmpty()) h.append("<p class=\"muted\">No run matches. A run appears here once <code>raftlab test</code> has written it.</p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static void appendForm(StringBuilder h, List<RunSummary> all, IndexFilter filter) {
        h.append("<form id=\"filters\" method=\"get\" action=\"./\">\n<label>verdict <select name=\"verdict\" id=\"f-verdict\">");
        for (String v : new String[] {"", "valid", "invalid", "unknown"}) {
            h.append("<option value=\"").append(v).append("\"").append(v.equals(filter.verdict()) ? " selected" : "").append(">")
                    .append(v.isEmpty() ? "any" : v).append("</option>");
        }
        h.append("</select></label>\n<label>test <select name=\"test\" id=\"f-test\"><option value=\"\">any</option>");
        TreeSet<String> tests = new TreeSet<>();
        for (RunSummary r : all) tests.add(r.test());
        for (String t : tests) {
            h.append("<option").append(t.equals(filter.test()) ? " selected" : "").append(" value=\"").append(Html.escape(t)).append("\">")
                    .append(Html.escape(t)).append("</option>");
        }
        h.append("</select></label>\n<label>day <input type=\"date\" name=\"date\" id=\"f-date\" value=\"").append(Html.escape(filter.date()))
                .append("\"></label>\n<button type=\"submit\" id=\"f-apply\">filter</button> <a href=\"./\">all runs</a>\n</form>\n");
    }

    static String duration(long millis) {
        if (millis < 0) return "";
        if (millis < 1000) return millis + " ms";
        if (millis < 120_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }

    /** Each path segment percent-encoded as a URL path needs (store names are plain, but a link must not break on one that is not). */
    static String urlPath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (out.length() > 0) out.append('/');
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
