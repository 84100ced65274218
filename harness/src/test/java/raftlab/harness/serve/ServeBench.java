package raftlab.harness.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Timings of raftlab serve: the runs index with 1,000 runs (listing cold and cached, and the page
 * loaded in Chromium), and a run page with a 100,000-operation history (rendered by the server,
 * loaded and first drawn in Chromium, and redrawn after each zoom). Arguments: a scratch directory.
 */
public final class ServeBench {
    public static void main(String[] args) throws Exception {
        Path scratch = Path.of(args[0]);
        Path many = Files.createDirectories(scratch.resolve("many"));
        SyntheticRuns.manyRuns(many, 1000);
        System.out.println("bench: load average at the start " + loadAverage());
        long t0 = System.nanoTime(), c0 = cpu();
        RunCatalog catalog = new RunCatalog(many);
        int listed = catalog.runs().size();
        report("index, 1,000 runs: listing with every summary parsed (cold cache)", millis(t0), listed + " runs; CPU " + fmt(cpuMillis(c0)));
        List<Double> cached = new ArrayList<>(), cachedCpu = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            t0 = System.nanoTime();
            c0 = cpu();
            IndexPage.render("store", catalog.runs(), IndexFilter.NONE);
            cached.add(millis(t0));
            cachedCpu.add(cpuMillis(c0));
        }
        report("index, 1,000 runs: listing (cached) and the page rendered, median of 10", median(cached), "CPU " + fmt(median(cachedCpu)));
        Path big = Files.createDirectories(scratch.resolve("big"));
        Path run = SyntheticRuns.longRun(big, 100_000, 42);
        t0 = System.nanoTime();
        c0 = cpu();
        String page = RunPage.render(big, run);
        report("run page, 100,000 operations: rendered by the server (first time, JVM cold)", millis(t0),
                String.format(Locale.ROOT, "%.1f MB of HTML; CPU %s", page.length() / 1048576.0, fmt(cpuMillis(c0))));
        t0 = System.nanoTime();
        c0 = cpu();
        RunPage.render(big, run);
        report("run page, 100,000 operations: rendered again", millis(t0), "CPU " + fmt(cpuMillis(c0)));
        try (StoreServer manyServer = StoreServer.start(many, "127.0.0.1", 0); StoreServer bigServer = StoreServer.start(big, "127.0.0.1", 0)) {
            HttpClient client = HttpClient.newHttpClient();
            String index = "http://127.0.0.1:" + manyServer.address().getPort() + "/";
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                t0 = System.nanoTime();
                client.send(HttpRequest.newBuilder(URI.create(index)).build(), HttpResponse.BodyHandlers.ofString());
                warm.add(millis(t0));
            }
            report("index, 1,000 runs: GET / (summaries cached), median of 10", median(warm), "");
            String bigPage = "http://127.0.0.1:" + bigServer.address().getPort() + "/runs/long-history/20261206T050000.000/";
            t0 = System.nanoTime();
            client.send(HttpRequest.newBuilder(URI.create(bigPage)).build(), HttpResponse.BodyHandlers.ofString());
            report("run page, 100,000 operations: GET, first time", millis(t0), "");
            t0 = System.nanoTime();
            client.send(HttpRequest.newBuilder(URI.create(bigPage)).build(), HttpResponse.BodyHandlers.ofString());
            report("run page, 100,000 operations: GET again (cached page)", millis(t0), "");
            ChromeDriver browser = Chromium.start(1400, 1000);
            try {
                List<Double> loads = new ArrayList<>(), responses = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    browser.get(index + "?i=" + i);
                    loads.add(((Number) browser.executeScript(
                            "var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;")).doubleValue());
                    responses.add(((Number) browser.executeScript(
                            "var t = performance.getEntriesByType('navigation')[0]; return t.responseEnd - t.startTime;")).doubleValue());
                }
                report("index, 1,000 runs: in Chromium, navigation to load event, median of 5", median(loads),
                        "of which the answer arrived after " + fmt(median(responses)));
                String runUrl = "http://127.0.0.1:" + bigServer.address().getPort() + "/runs/long-history/20261206T050000.000/";
                List<Double> firstDraw = new ArrayList<>(), script = new ArrayList<>(), whole = new ArrayList<>(), zoom = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    browser.get(runUrl);
                    BrowserTour.waitForTimeline(browser);
                    firstDraw.add(((Number) browser.executeScript("return window.raftlabTimeline.stats.firstDrawAt")).doubleValue());
                    script.add(((Number) browser.executeScript("return window.raftlabTimeline.stats.firstDrawMillis")).doubleValue());
                    for (int z = 0; z < 12; z++) {
                        double factor = z < 6 ? 0.5 : 2;
                        double ms = ((Number) browser.executeScript("return window.raftlabTimeline.zoom(" + factor + ")")).doubleValue();
                        (z == 11 ? whole : zoom).add(ms);
                    }
                }
                report("run page, 100,000 operations: in Chromium, navigation to the timeline's first draw, median of 3", median(firstDraw), "");
                report("run page, 100,000 operations: of which parsing the data, indexing and the first draw", median(script), "");
                report("run page, 100,000 operations: one zoom step redrawn (timeline and both plots), median of 33", median(zoom),
                        "max " + fmt(Collections.max(zoom)));
                report("run page, 100,000 operations: the whole run redrawn, median of 3", median(whole), "");
            } finally {
                browser.quit();
            }
        }
        System.out.println("bench: load average at the end " + loadAverage());
        System.exit(0);
    }

    private static long cpu() { return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); }

    private static double cpuMillis(long c0) { return (cpu() - c0) / 1e6; }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f on %d cores", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double millis(long t0) { return (System.nanoTime() - t0) / 1e6; }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static String fmt(double ms) { return String.format(Locale.ROOT, "%.0f ms", ms); }

    private static void report(String what, double ms, String note) {
        System.out.println("bench: " + what + ": " + fmt(ms) + (note.isEmpty() ? "" : " (" + note + ")"));
    }
}
