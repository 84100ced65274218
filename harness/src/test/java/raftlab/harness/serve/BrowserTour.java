package raftlab.harness.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does with {@code raftlab serve}, in a real headless Chromium: opens the index, sees
 * two runs and which is invalid, filters, follows the invalid run's link, reads the explanation, sees
 * the picture, jumps to the operation that cannot be linearized and hovers over it, then opens the
 * run's own index.html from the file system. Run by {@link ServeBrowserTest} in a network namespace
 * with only loopback; prints what it checked and exits 1 with the first thing that was wrong.
 *
 * <p>Arguments: the store, the directory for screenshots.
 */
public final class BrowserTour {
    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        Path shots = Files.createDirectories(Path.of(args[1]));
        int status = 0;
        try (StoreServer server = StoreServer.start(store, "127.0.0.1", 0)) {
            ChromeDriver browser = Chromium.start(1400, 1000);
            try {
                tour(browser, "http://127.0.0.1:" + server.address().getPort(), store, shots);
                System.out.println("tour: every check passed");
            } catch (AssertionError e) {
                System.out.println("tour: FAILED: " + e.getMessage());
                Files.write(shots.resolve("failure.png"), browser.getScreenshotAs(OutputType.BYTES));
                status = 1;
            } finally {
                browser.quit();
            }
        }
        System.exit(status);
    }

    static void tour(ChromeDriver browser, String base, Path store, Path shots) throws Exception {
        browser.get(base + "/");
        List<WebElement> rows = browser.findElements(By.cssSelector("#runs tr.run"));
        check(rows.size() == 2, "the index lists " + rows.size() + " runs, not the 2 in the store");
        WebElement invalid = row(rows, "stale-reads");
        WebElement valid = rows.get(rows.indexOf(invalid) == 0 ? 1 : 0);
        WebElement badge = invalid.findElement(By.cssSelector("a.verdict"));
        check(badge.getText().equals("invalid"), "the stale-reads run is marked '" + badge.getText() + "', not 'invalid'");
        check(valid.findElement(By.cssSelector("a.verdict")).getText().equals("valid"), "the other run is not marked valid");
        check(badge.getCssValue("background-color").equals("rgba(214, 40, 40, 1)"), "invalid is not red but " + badge.getCssValue("background-color"));
        check(invalid.getText().contains("stale-reads") && invalid.getText().contains("partition"), "the row shows bug and nemesis: " + invalid.getText());
        screenshot(browser, shots.resolve("serve-index.png"));
        say("index: 2 runs, the stale-reads run marked invalid in red");

        browser.findElement(By.cssSelector("#f-verdict option[value=invalid]")).click();
        browser.findElement(By.id("f-apply")).click();
        rows = browser.findElements(By.cssSelector("#runs tr.run"));
        check(rows.size() == 1 && rows.get(0).getText().contains("stale-reads"), "filtering by invalid leaves " + rows.size() + " runs");
        say("index: the verdict filter leaves the invalid run alone");

        WebElement link = rows.get(0).findElement(By.cssSelector("a.verdict"));
        String href = link.getAttribute("href");
        Path runDir = store.resolve("sim-register-partition-bug-stale-reads").toRealPath().resolve(
                Files.readSymbolicLink(store.resolve("sim-register-partition-bug-stale-reads/latest")));
        String expectedPath = "/sim-register-partition-bug-stale-reads/" + runDir.getFileName() + "/";
        check(href.endsWith(expectedPath), "the link " + href + " does not contain the run's store directory " + expectedPath);
        link.click();
        waitForTimeline(browser);
        check(browser.getCurrentUrl().endsWith(expectedPath), "the run page is at " + browser.getCurrentUrl());
        check(browser.findElement(By.id("verdict")).getText().equals("invalid"), "the run page's verdict is not invalid");
        String explanation = browser.findElement(By.id("explanation")).getText();
        check(explanation.startsWith("read returned "), "the explanation reads: " + explanation);
        WebElement picture = browser.findElement(By.cssSelector("#picture svg"));
        check(picture.isDisplayed() && picture.getSize().getWidth() > 300 && picture.getText().contains("cannot take effect"),
                "the picture of the history is not shown inline");
        say("run page: 'invalid', the explanation '" + explanation.substring(0, Math.min(60, explanation.length())) + "...', the picture inline");

        check(browser.findElement(By.id("faults")).getText().contains("partition"), "the fault table lists no partition");
        check(browser.findElement(By.id("zip")).isDisplayed(), "the zip download is not offered");
        WebElement canvas = browser.findElement(By.id("timeline"));
        double before = span(browser);
        browser.findElement(By.id("zoom-in")).click();
        waitUntil(browser, "return window.raftlabTimeline.view()[1] - window.raftlabTimeline.view()[0] < " + before * 0.6);
        browser.findElement(By.id("jump-failure")).click();
        WebElement tooltip = browser.findElement(By.id("tooltip"));
        check(tooltip.isDisplayed() && tooltip.getText().contains("cannot be linearized"), "jumping shows no tooltip on the failing operation");
        screenshot(browser, shots.resolve("serve-run-zoomed.png"));
        browser.findElement(By.id("zoom-all")).click();
        browser.findElement(By.id("jump-failure")).click();
        new Actions(browser).moveByOffset(0, 0).perform();
        @SuppressWarnings("unchecked")
        var at = (java.util.Map<String, Number>) browser.executeScript(
                "return window.raftlabTimeline.positionOf(window.raftlabTimeline.firstFailure)");
        var size = canvas.getSize();
        new Actions(browser).moveToElement(canvas, (int) (at.get("x").doubleValue() - size.getWidth() / 2.0),
                (int) (at.get("y").doubleValue() - size.getHeight() / 2.0)).perform();
        waitUntil(browser, "return !document.getElementById('tooltip').hidden");
        String hover = tooltip.getText();
        check(hover.contains("read") && hover.contains("cannot be linearized") && hover.contains("process "), "hovering the red operation shows: " + hover);
        say("timeline: zoom, jump to the first operation that cannot be linearized, hover: " + hover.lines().findFirst().orElse(""));
        browser.findElement(By.id("zoom-all")).click();
        new Actions(browser).moveToElement(browser.findElement(By.tagName("h1"))).perform();
        screenshot(browser, shots.resolve("serve-run.png"));

        browser.get(runDir.resolve("index.html").toUri().toString());
        waitForTimeline(browser);
        check(browser.findElement(By.id("verdict")).getText().equals("invalid"), "index.html from the file system shows no verdict");
        check(browser.findElement(By.id("explanation")).getText().equals(explanation), "index.html has another explanation");
        check(!browser.findElement(By.id("zip")).isDisplayed(), "index.html offers a zip that only the server can make");
        check(((Number) browser.executeScript("return window.raftlabTimeline.operations")).longValue() > 100, "index.html's timeline has no operations");
        say("index.html from the file system: the same verdict, explanation and timeline");
    }

    static void waitForTimeline(ChromeDriver browser) {
        waitUntil(browser, "return !!window.raftlabTimeline && window.raftlabTimeline.stats.draws > 0");
    }

    static void waitUntil(ChromeDriver browser, String script) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    private static double span(ChromeDriver browser) {
        return ((Number) browser.executeScript("var v = window.raftlabTimeline.view(); return v[1] - v[0];")).doubleValue();
    }

    private static WebElement row(List<WebElement> rows, String containing) {
        for (WebElement r : rows) if (r.getText().contains(containing)) return r;
        throw new AssertionError("no run of the index mentions " + containing);
    }

    /** The whole page, not only the window: the window is made as tall as the page first. */
    static void screenshot(ChromeDriver browser, Path file) throws Exception {
        Dimension old = browser.manage().window().getSize();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(old.getWidth(), (int) Math.min(6000, Math.max(old.getHeight(), height))));
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(old);
    }

    private static void check(boolean ok, String whatIsWrong) {
        if (!ok) throw new AssertionError(whatIsWrong);
    }

    private static void say(String line) { System.out.println("tour: " + line); }
}
