package dvk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless for the browser tests, from a fresh profile that is deleted on
 * {@link #close()}. Missing Chromium or its driver fails the test, saying how to install them,
 * never skips it.
 */
public final class HeadlessChromium implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium's CDP notes ("no exact match for version …") are noise in a test's output. */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser 1400 × 1000 px; {@code downloads}, when not null, receives downloads without asking. */
    public static HeadlessChromium start(String whoNeedsIt, Duration pageLoad, Path downloads) throws IOException {
        requireInstalled(whoNeedsIt);
        Path profile = Files.createTempDirectory("dvk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1400,1000");
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(pageLoad).scriptTimeout(Duration.ofSeconds(10));
        if (downloads != null) {
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        }
        return new HeadlessChromium(driver, profile);
    }

    /** Fails, saying how to install them, when Chromium or its driver is missing: a test that needs them checks first. */
    public static void requireInstalled(String whoNeedsIt) {
        String install = whoNeedsIt + " needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                + ": install them with `apt-get install chromium chromium-driver` (.ci/run does so when they are missing)";
        assertThat(Files.isExecutable(CHROMIUM)).as(install).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as(install).isTrue();
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks what leaves the page (a link, a form's button) and waits until the page it was on is
     * gone and the next one has loaded: a click returns before the navigation it starts, so an
     * address or element read at once may still be the old page's.
     */
    public void go(WebElement element) {
        element.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                element.isEnabled();
            } catch (WebDriverException gone) {
                // stale (StaleElementReferenceException), or Chromium's "node does not belong to the document": the page is gone
                while (System.nanoTime() < deadline && !"complete".equals(driver.executeScript("return document.readyState"))) {
                    pause();
                }
                return;
            }
            pause();
        }
        throw new AssertionError("the page did not change after a click on " + element);
    }

    /** The whole page (up to 2,400 px high) as a PNG. */
    public void screenshot(Path file) throws IOException {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", 1400);
        clip.put("height", Math.min(height.intValue(), 2400));
        clip.put("scale", 1);
        Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
    }

    /** The first file of {@code directory} whose name ends with {@code suffix}, waited for up to 30 s. */
    public static Path waitForDownload(Path directory, String suffix) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(directory)) {
                var done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) return done.get();
            }
            pause();
        }
        throw new AssertionError("no " + suffix + " downloaded into " + directory);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    /** Deletes a directory and everything below it, if it exists. */
    public static void deleteTree(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) return;
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
