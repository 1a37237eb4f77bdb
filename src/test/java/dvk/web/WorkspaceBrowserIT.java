package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.HeadlessChromium;
import dvk.testing.XlsxFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The committee's whole path through the packaged jar's workspace in headless Chromium: the
 * administrator made through the setup link, a secretary's account, signing in as the secretary,
 * the sample workbook uploaded, the report filtered, a card opened, the full report, a corrected
 * version uploaded, the workbook downloaded, signing out. Screenshots go to {@code target/serve-browser/}.
 */
class WorkspaceBrowserIT {
    private static final Path OUT = Path.of("target/serve-browser").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.xlsx").toAbsolutePath();

    private static ChromeDriver browser;
    private static HeadlessChromium chromium;
    private static Path downloads;
    private static ServedJar served;

    @BeforeAll
    static void serveAndStartTheBrowser() throws Exception {
        HeadlessChromium.requireInstalled("the workspace's browser test");
        assertThat(ServedJar.JAR).as("target/dvk.jar: run through `./mvnw verify`, after package").exists();
        HeadlessChromium.deleteTree(OUT);
        Files.createDirectories(OUT);
        served = ServedJar.start(Files.createDirectories(OUT.resolve("workspace")));
        downloads = Files.createDirectories(OUT.resolve("downloads"));
        chromium = HeadlessChromium.start("the workspace's browser test", Duration.ofSeconds(60), downloads);
        browser = chromium.driver();
    }

    @AfterAll
    static void quit() throws Exception {
        if (chromium != null) chromium.close();
        if (served != null) served.terminate();
    }

    @Test
    void theCommitteesWholePath() throws Exception {
        // the administrator, through the link printed on the first start
        browser.get(served.setupLink());
        type("login", "quantri");
        type("displayName", "Quản trị viên");
        type("password", "mat khau quan tri");
        type("repeated", "mat khau quan tri");
        submit();
        assertThat(browser.getCurrentUrl()).endsWith("/users");

        // the secretary's account
        WebElement form = browser.findElement(By.cssSelector("[data-testid='new-user']"));
        form.findElement(By.name("login")).sendKeys("thuky");
        form.findElement(By.name("displayName")).sendKeys("Nguyễn Thị Thư");
        form.findElement(By.name("password")).sendKeys("mat khau thu ky");
        form.findElement(By.cssSelector("input[name='roles'][value='SECRETARY']")).click();
        chromium.go(form.findElement(By.cssSelector("button[type='submit']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid='users'] tr[data-login='thuky']")).isDisplayed()).isTrue();
        chromium.screenshot(OUT.resolve("1-accounts.png"));
        chromium.go(browser.findElement(By.cssSelector("[data-testid='logout']")));

        // the secretary signs in and uploads the sample workbook
        assertThat(browser.getCurrentUrl()).contains("/login");
        type("login", "thuky");
        type("password", "mat khau thu ky");
        submit();
        assertThat(browser.getCurrentUrl()).endsWith("/rounds");
        chromium.go(browser.findElement(By.cssSelector("[data-testid='new-round']")));
        type("name", "Huyện Gia Lâm 2024");
        browser.findElement(By.name("year")).clear();
        type("year", "2024");
        browser.findElement(By.name("file")).sendKeys(SAMPLE.toString());
        chromium.go(browser.findElement(By.cssSelector("[data-testid='upload']")));
        assertThat(browser.getCurrentUrl()).matches(".*/rounds/\\d+/versions/1");
        String round = browser.getCurrentUrl().replaceAll("/versions/1$", "");
        assertThat(testId("records")).isEqualTo("60");
        assertThat(testId("title-DISTRICT_MODEL")).isEqualTo("27");
        assertThat(testId("title-CITY_MODEL")).isEqualTo("3");
        assertThat(testId("title-CITY_BANG_KHEN")).isEqualTo("1");
        chromium.screenshot(OUT.resolve("2-round.png"));

        // filtered: the city models, then text without accents
        choose("filter-title", "CITY_MODEL");
        chromium.go(browser.findElement(By.cssSelector("[data-testid='filter-submit']")));
        assertThat(testId("shown")).startsWith("Hiển thị 3 trong 60");
        assertThat(rows()).hasSize(3);
        chromium.screenshot(OUT.resolve("3-filtered.png"));
        String commune = browser.findElement(By.cssSelector("[data-testid='decisions'] tbody tr td:nth-child(4)")).getText();
        choose("filter-title", "");
        WebElement text = browser.findElement(By.cssSelector("[data-testid='filter-text']"));
        text.clear();
        text.sendKeys(java.text.Normalizer.normalize(commune, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd'));
        chromium.go(browser.findElement(By.cssSelector("[data-testid='filter-submit']")));
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains(commune));

        // a card
        WebElement first = browser.findElement(By.cssSelector("[data-testid='decisions'] tbody tr a"));
        String id = first.getText();
        chromium.go(first);
        assertThat(browser.findElement(By.cssSelector("[data-testid='card'] h3")).getText()).contains(id);
        chromium.screenshot(OUT.resolve("4-card.png"));
        browser.navigate().back();

        // the full report, as dvk evaluate --format html writes it, with its script running
        browser.get(round + "/versions/1/report.html");
        assertThat(browser.findElement(By.id("controls")).isDisplayed()).as("the report's script ran").isTrue();
        chromium.screenshot(OUT.resolve("5-full-report.png"));

        // a corrected file: the next version; the first is kept
        browser.get(round + "/versions/1");
        Path corrected = OUT.resolve("gia-lam-2024-da-sua.xlsx");
        XlsxFile.fromJson(Path.of("fixtures/samples/gia-lam-2024.json")).set(0, "beneficiaries", 5000L).write(corrected);
        WebElement upload = browser.findElement(By.cssSelector("[data-testid='upload-version']"));
        upload.findElement(By.name("file")).sendKeys(corrected.toString());
        upload.findElement(By.name("note")).sendKeys("sửa số người hưởng lợi");
        chromium.go(upload.findElement(By.cssSelector("button[type='submit']")));
        assertThat(browser.getCurrentUrl()).endsWith(round.substring(round.indexOf("/rounds")) + "/versions/2");
        assertThat(testId("version-meta")).contains("gia-lam-2024-da-sua.xlsx").contains("sửa số người hưởng lợi");
        assertThat(browser.findElements(By.cssSelector("[data-testid='versions'] tbody tr"))).hasSize(2);
        chromium.screenshot(OUT.resolve("6-corrected.png"));

        // the workbook of the decisions
        browser.findElement(By.cssSelector("[data-testid='download-xlsx']")).click();
        Path workbook = HeadlessChromium.waitForDownload(downloads, ".xlsx");
        try (XSSFWorkbook decisions = new XSSFWorkbook(workbook.toFile())) {
            assertThat(decisions.getSheet("Kết quả xét").getLastRowNum()).isEqualTo(60);
        }

        chromium.go(browser.findElement(By.cssSelector("[data-testid='logout']")));
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.get(round);
        assertThat(browser.getCurrentUrl()).as("signed out: the round asks for signing in").contains("/login?next=");
        chromium.screenshot(OUT.resolve("7-signed-out.png"));
    }

    private static void type(String name, String text) {
        browser.findElement(By.name(name)).sendKeys(text);
    }

    private static void submit() {
        chromium.go(browser.findElement(By.cssSelector("main form button[type='submit']")));
    }

    private static void choose(String select, String value) {
        browser.findElement(By.cssSelector("[data-testid='" + select + "'] option[value='" + value + "']")).click();
    }

    private static String testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']")).getText().trim();
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("[data-testid='decisions'] tbody tr"));
    }
}
