package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The packaged jar's workspace and a headless Chromium to use it, for the browser tests: the
 * workspace's data, the downloads and the screenshots under {@code out}, emptied first.
 */
final class WorkspaceInBrowser implements AutoCloseable {
    final Path out;
    final Path downloads;
    final ServedJar served;
    final HeadlessChromium chromium;
    final ChromeDriver browser;

    private WorkspaceInBrowser(Path out, Path downloads, ServedJar served, HeadlessChromium chromium) {
        this.out = out;
        this.downloads = downloads;
        this.served = served;
        this.chromium = chromium;
        this.browser = chromium.driver();
    }

    /** @param pageLoad how long a page may take: an upload or a draft's impact answers only when done */
    static WorkspaceInBrowser start(String test, Path out, Duration pageLoad) throws Exception {
        HeadlessChromium.requireInstalled(test);
        assertThat(ServedJar.JAR).as("target/dvk.jar: run through `./mvnw verify`, after package").exists();
        HeadlessChromium.deleteTree(out);
        Files.createDirectories(out);
        ServedJar served = ServedJar.start(Files.createDirectories(out.resolve("workspace")));
        Path downloads = Files.createDirectories(out.resolve("downloads"));
        return new WorkspaceInBrowser(out, downloads, served, HeadlessChromium.start(test, pageLoad, downloads));
    }

    /** The administrator, through the link printed on the first start. */
    void administratorFromSetupLink() throws IOException {
        browser.get(served.setupLink());
        type("login", "quantri");
        type("displayName", "Quản trị viên");
        type("password", "mat khau quan tri");
        type("repeated", "mat khau quan tri");
        submit();
    }

    void type(String name, String text) {
        browser.findElement(By.name(name)).sendKeys(text);
    }

    /** Submits the page's form and waits for the next page. */
    void submit() {
        chromium.go(browser.findElement(By.cssSelector("main form button[type='submit']")));
    }

    String testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']")).getText().trim();
    }

    void screenshot(String file) throws IOException {
        chromium.screenshot(out.resolve(file));
    }

    @Override
    public void close() throws Exception {
        try {
            chromium.close();
        } finally {
            served.terminate();
        }
    }
}
