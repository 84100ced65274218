package raftlab.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The run page: verdict and explanation, the checker's picture inline, an interactive timeline,
 * latency and rate plots, the fault schedule, node logs and the run's files. Everything the page
 * needs is inside it (styles, script, data), and every link is relative to the run directory, so the
 * same page works served and opened from the file system.
 */
public final class RunPage {
    static final int LOG_TAIL_BYTES = 64 * 1024;
    static final int MAX_SCHEDULE_BYTES = 256 * 1024;
    static final int MAX_SVG_BYTES = 2 << 20;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** What an SVG of ours never contains and a hostile one would need to run code. */
    private static final Pattern UNSAFE_SVG = Pattern.compile("(?i)<script|<foreignObject|<!DOCTYPE|<!ENTITY|javascript:|\\son[a-z]+\\s*=");

    private RunPage() {}

    /** The page of the run in {@code run}, whose path in the store is {@code store.relativize(run)}. */
    public static String render(Path store, Path run) throws IOException {
        RunSummary s = RunSummaries.read(store, run);
        JsonNode results = RunSummaries.readJson(run.resolve("results.json"));
        Timeline timeline = Timeline.of(HistoryEvents.read(run));
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(s.verdict()).append(" · ")
                .append(Html.escape(s.test())).append(" · ").append(Html.escape(s.stamp())).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>")
                .append(Html.resource("common.css")).append(Html.resource("run.css")).append("</style></head>\n<body class=\"run\">\n");
        h.append("<nav><a id=\"all-runs\" href=\"../../\">← all runs</a></nav>\n");
        header(h, s, results);
        explanation(h, s, results);
        picture(h, run);
        h.append("""
                <section id="timeline-section"><h2>Timeline</h2>
                <div class="controls"><button id="zoom-in" title="zoom in (or the mouse wheel)">+</button><button id="zoom-out" title="zoom out">−</button>
                <button id="zoom-all">whole run</button><button id="jump-failure" disabled>jump to the first operation that cannot be linearized</button>
                <span id="view-range" class="muted"></span></div>
                <div id="timeline-box"><canvas id="timeline" height="300"></canvas><div id="tooltip" hidden></div></div>
                <p class="legend"><span class="k ok"></span>ok <span class="k fail"></span>failed <span class="k info"></span>unknown (info)
                <span class="k bad"></span>cannot be linearized <span class="k fault"></span>fault in force. Drag to pan, wheel to zoom, hover for details.</p>
                </section>
                <section id="plots"><h2>Latency and rate</h2><canvas id="latency" height="220"></canvas><canvas id="rate" height="160"></canvas>
                <p class="muted">Both follow the timeline's zoom. Also as pictures: <a href="latency-raw.png">latency-raw.png</a>, <a href="rate.png">rate.png</a>.</p></section>
                """);
        schedule(h, run, timeline);
        logs(h, run);
        files(h, run);
        h.append("<script id=\"run-data\" type=\"application/json\">").append(Html.scriptSafe(RunData.json(timeline, results))).append("</script>\n");
        h.append("<script>").append(Html.resource("run.js")).append("</script>\n</body></html>\n");
        return h.toString();
    }

    /** Writes {@code index.html} into the run directory, the page that opens without the server. */
    public static void writeStatic(Path run) throws IOException {
        Path tmp = run.resolve("index.html.tmp");
        Path test = run.toAbsolutePath().getParent();
        Path store = test == null || test.getParent() == null ? run.toAbsolutePath() : test.getParent();
        Files.writeString(tmp, render(store, run.toAbsolutePath()), StandardCharsets.UTF_8);
        Files.move(tmp, run.resolve("index.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void header(StringBuilder h, RunSummary s, JsonNode results) {
        h.append("<header><h1><span id=\"verdict\" class=\"verdict v-").append(s.verdict()).append("\">").append(s.verdict()).append("</span> ")
                .append(Html.escape(s.test())).append("</h1>\n<dl class=\"facts\">");
        fact(h, "started", s.start() == null ? s.stamp() : WHEN.format(s.start()));
        fact(h, "lab", s.lab());
        fact(h, "workload", s.workload());
        fact(h, "nemeses", s.nemeses().isEmpty() ? "none" : String.join(", ", s.nemeses()));
        if (!s.bugs().isEmpty()) fact(h, "bugs", String.join(", ", s.bugs()));
        fact(h, "operations", s.operations() < 0 ? "" : String.format(Locale.ROOT, "%,d ok, %,d failed, %,d unknown",
                results.path("ok-count").asLong(), results.path("fail-count").asLong(), results.path("info-count").asLong()));
        fact(h, "duration", IndexPage.duration(s.durationMillis()));
        fact(h, "seed", s.seed());
        fact(h, "summary", results.path("summary").asText(""));
        h.append("</dl>\n");
        String reproduce = results.path("reproduce").asText("");
        if (!reproduce.isEmpty()) h.append("<p>Reproduce: <code>").append(Html.escape(reproduce)).append("</code></p>\n");
        h.append("</header>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        if (value == null || value.isEmpty()) return;
        h.append("<dt>").append(name).append("</dt><dd>").append(Html.escape(value)).append("</dd>");
    }

    private static void explanation(StringBuilder h, RunSummary s, JsonNode results) {
        h.append("<section id=\"explanation-section\"><h2>Why</h2>\n");
        List<String> lines = new ArrayList<>();
        for (JsonNode key : results.path("linearizable").path("not-valid-keys")) {
            String keyText = key.path("key").isNull() || key.path("key").isMissingNode() ? "" : "key " + key.path("key").asText() + ": ";
            String e = key.path("explanation").asText(key.path("unknown-reason").asText(""));
            if (!e.isEmpty()) lines.add(keyText + e);
        }
        for (JsonNode v : results.path("invariant-violations")) lines.add("invariant violated: " + v.asText());
        if (!results.path("liveness").path("reason").asText("").isEmpty()) lines.add("liveness: " + results.path("liveness").path("reason").asText());
        if (lines.isEmpty()) {
            String text = switch (s.verdict()) {
                case "valid" -> "Every operation can be linearized" + (results.path("liveness").path("valid?").asBoolean(false)
                        ? ", and the cluster answered again after the last fault healed." : ".");
                case "invalid" -> s.explanation().isEmpty() ? "The run is invalid." : s.explanation();
                default -> results.isEmpty() ? "This run has no results yet (still running, or it crashed before checking)."
                        : s.explanation().isEmpty() ? "The checker could not decide." : s.explanation();
            };
            lines.add(text);
        }
        h.append("<div id=\"explanation\">");
        for (String line : lines) h.append("<p>").append(Html.escape(line)).append("</p>");
        h.append("</div></section>\n");
    }

    /** linear.svg inline, when the run has one and it is the plain drawing the checker writes. */
    private static void picture(StringBuilder h, Path run) throws IOException {
        Path svg = run.resolve("linear.svg");
        if (!Files.isRegularFile(svg)) return;
        h.append("<section id=\"picture-section\"><h2>The operation that cannot be linearized</h2>\n<div id=\"picture\">");
        String text = Files.size(svg) <= MAX_SVG_BYTES ? Files.readString(svg, StandardCharsets.UTF_8) : "";
        int start = text.indexOf("<svg");
        if (start >= 0 && !UNSAFE_SVG.matcher(text).find()) h.append(text.substring(start));
        else h.append("<img src=\"linear.svg\" alt=\"the operation that cannot be linearized\">");
        h.append("</div><p class=\"muted\">The red operation, the longest linearizable prefix before it and the operations concurrent with it. ")
                .append("<a href=\"linear.svg\">linear.svg</a></p></section>\n");
    }

    private static void schedule(StringBuilder h, Path run, Timeline timeline) throws IOException {
        h.append("<section id=\"schedule-section\"><h2>Faults</h2>\n");
        Path planned = run.resolve("schedule.edn");
        if (Files.isRegularFile(planned)) {
            h.append("<h3>The schedule as planned (<a href=\"schedule.edn\">schedule.edn</a>)</h3><pre id=\"schedule\">")
                    .append(Html.escape(head(planned, MAX_SCHEDULE_BYTES))).append("</pre>\n");
        }
        if (timeline.faults().isEmpty()) {
            h.append("<p>No fault was injected.</p>");
        } else {
            h.append("<h3>As they happened</h3><table id=\"faults\"><thead><tr><th>fault</th><th class=\"num\">from</th><th class=\"num\">to</th>")
                    .append("<th>what was done</th></tr></thead><tbody>\n");
            for (var band : timeline.faults()) {
                h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td class=\"num\">%.4f s</td><td class=\"num\">%.4f s</td><td>%s</td></tr>%n",
                        Html.escape(band.kind()), band.startNanos() / 1e9, band.endNanos() / 1e9, Html.escape(band.value())));
            }
            h.append("</tbody></table>");
        }
        h.append("</section>\n");
    }

    private static void logs(StringBuilder h, Path run) throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path p : listing(run)) if (p.getFileName().toString().endsWith(".log")) logs.add(p);
        h.append("<section id=\"logs-section\"><h2>Logs</h2>\n");
        if (logs.isEmpty()) h.append("<p>No logs were kept for this run.</p>");
        for (Path log : logs) {
            String name = log.getFileName().toString();
            long size = Files.size(log);
            h.append("<details class=\"log\"><summary>").append(Html.escape(name)).append(" <span class=\"muted\">")
                    .append(bytes(size)).append(size > LOG_TAIL_BYTES ? ", its last " + bytes(LOG_TAIL_BYTES) + " below" : "")
                    .append("</span> <a href=\"").append(Html.escape(IndexPage.urlPath(name))).append("\">whole file</a></summary><pre>")
                    .append(Html.escape(size == 0 ? "(empty)" : tail(log, LOG_TAIL_BYTES))).append("</pre></details>\n");
        }
        h.append("</section>\n");
    }

    private static void files(StringBuilder h, Path run) throws IOException {
        h.append("<section id=\"files-section\"><h2>Files</h2><p><a id=\"zip\" class=\"served-only\" href=\"run.zip\" download>download the run as a zip</a></p><ul class=\"files\">\n");
        for (Path p : listing(run)) {
            String name = p.getFileName().toString();
            h.append("<li><a href=\"").append(Html.escape(IndexPage.urlPath(name))).append("\">").append(Html.escape(name)).append("</a> <span class=\"muted\">")
                    .append(bytes(Files.size(p))).append("</span></li>\n");
        }
        h.append("</ul></section>\n");
    }

    /** The run directory's regular files, sorted by name; links and subdirectories are left out. */
    static List<Path> listing(Path run) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(run)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !name.endsWith(".tmp")) out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    private static String head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(max);
            return new String(b, StandardCharsets.UTF_8) + (in.read() >= 0 ? "\n..." : "");
        }
    }

    private static String tail(Path file, int max) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            long from = Math.max(0, size - max);
            channel.position(from);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) { }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            if (from > 0) {
                int nl = text.indexOf('\n');
                text = "...\n" + (nl >= 0 ? text.substring(nl + 1) : text);
            }
            return text;
        }
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1 << 20) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
    }
}
