package raftlab.harness.serve;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium and its chromedriver, headless, with nothing that would reach for the network. */
final class Chromium {
    /** Debian's paths; RAFTLAB_CHROMIUM and RAFTLAB_CHROMEDRIVER point elsewhere (a missing path makes the browser tests skip). */
    static final Path BROWSER = Path.of(System.getenv().getOrDefault("RAFTLAB_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("RAFTLAB_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Chromium() {}

    static boolean installed() { return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER); }

    static ChromeDriver start(int width, int height) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toString());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height, "--allow-file-access-from-files");
        return new ChromeDriver(service, options);
    }
}
