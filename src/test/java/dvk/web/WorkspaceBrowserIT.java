package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.HeadlessChromium;
import dvk.testing.XlsxFile;
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

    private static WorkspaceInBrowser workspace;
    private static ChromeDriver browser;

    @BeforeAll
    static void serveAndStartTheBrowser() throws Exception {
        workspace = WorkspaceInBrowser.start("the workspace's browser test", OUT, Duration.ofSeconds(60));
        browser = workspace.browser;
    }

    @AfterAll
    static void quit() throws Exception {
        if (workspace != null) workspace.close();
    }

    @Test
    void theCommitteesWholePath() throws Exception {
        // the administrator, through the link printed on the first start
        workspace.administratorFromSetupLink();
        assertThat(browser.getCurrentUrl()).endsWith("/users");

        // the secretary's account
        WebElement form = browser.findElement(By.cssSelector("[data-testid='new-user']"));
        form.findElement(By.name("login")).sendKeys("thuky");
        form.findElement(By.name("displayName")).sendKeys("Nguyễn Thị Thư");
        form.findElement(By.name("password")).sendKeys("mat khau thu ky");
        form.findElement(By.cssSelector("input[name='roles'][value='SECRETARY']")).click();
        workspace.chromium.go(form.findElement(By.cssSelector("button[type='submit']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid='users'] tr[data-login='thuky']")).isDisplayed()).isTrue();
        workspace.screenshot("1-accounts.png");
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='logout']")));

        // the secretary signs in and uploads the sample workbook
        assertThat(browser.getCurrentUrl()).contains("/login");
        workspace.type("login", "thuky");
        workspace.type("password", "mat khau thu ky");
        workspace.submit();
        assertThat(browser.getCurrentUrl()).endsWith("/rounds");
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='new-round']")));
        workspace.type("name", "Huyện Gia Lâm 2024");
        browser.findElement(By.name("year")).clear();
        workspace.type("year", "2024");
        browser.findElement(By.name("file")).sendKeys(SAMPLE.toString());
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='upload']")));
        assertThat(browser.getCurrentUrl()).matches(".*/rounds/\\d+/versions/1");
        String round = browser.getCurrentUrl().replaceAll("/versions/1$", "");
        assertThat(workspace.testId("records")).isEqualTo("60");
        assertThat(workspace.testId("title-DISTRICT_MODEL")).isEqualTo("27");
        assertThat(workspace.testId("title-CITY_MODEL")).isEqualTo("3");
        assertThat(workspace.testId("title-CITY_BANG_KHEN")).isEqualTo("1");
        workspace.screenshot("2-round.png");

        // filtered: the city models, then text without accents
        choose("filter-title", "CITY_MODEL");
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='filter-submit']")));
        assertThat(workspace.testId("shown")).startsWith("Hiển thị 3 trong 60");
        assertThat(rows()).hasSize(3);
        workspace.screenshot("3-filtered.png");
        String commune = browser.findElement(By.cssSelector("[data-testid='decisions'] tbody tr td:nth-child(4)")).getText();
        choose("filter-title", "");
        WebElement text = browser.findElement(By.cssSelector("[data-testid='filter-text']"));
        text.clear();
        text.sendKeys(java.text.Normalizer.normalize(commune, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd'));
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='filter-submit']")));
        assertThat(rows()).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains(commune));

        // a card
        WebElement first = browser.findElement(By.cssSelector("[data-testid='decisions'] tbody tr a"));
        String id = first.getText();
        workspace.chromium.go(first);
        assertThat(browser.findElement(By.cssSelector("[data-testid='card'] h3")).getText()).contains(id);
        workspace.screenshot("4-card.png");
        browser.navigate().back();

        // the full report, as dvk evaluate --format html writes it, with its script running
        browser.get(round + "/versions/1/report.html");
        assertThat(browser.findElement(By.id("controls")).isDisplayed()).as("the report's script ran").isTrue();
        workspace.screenshot("5-full-report.png");

        // a corrected file: the next version; the first is kept
        browser.get(round + "/versions/1");
        Path corrected = OUT.resolve("gia-lam-2024-da-sua.xlsx");
        XlsxFile.fromJson(Path.of("fixtures/samples/gia-lam-2024.json")).set(0, "beneficiaries", 5000L).write(corrected);
        WebElement upload = browser.findElement(By.cssSelector("[data-testid='upload-version']"));
        upload.findElement(By.name("file")).sendKeys(corrected.toString());
        upload.findElement(By.name("note")).sendKeys("sửa số người hưởng lợi");
        workspace.chromium.go(upload.findElement(By.cssSelector("button[type='submit']")));
        assertThat(browser.getCurrentUrl()).endsWith(round.substring(round.indexOf("/rounds")) + "/versions/2");
        assertThat(workspace.testId("version-meta")).contains("gia-lam-2024-da-sua.xlsx").contains("sửa số người hưởng lợi");
        assertThat(browser.findElements(By.cssSelector("[data-testid='versions'] tbody tr"))).hasSize(2);
        workspace.screenshot("6-corrected.png");

        // the workbook of the decisions
        browser.findElement(By.cssSelector("[data-testid='download-xlsx']")).click();
        Path workbook = HeadlessChromium.waitForDownload(workspace.downloads, ".xlsx");
        try (XSSFWorkbook decisions = new XSSFWorkbook(workbook.toFile())) {
            assertThat(decisions.getSheet("Kết quả xét").getLastRowNum()).isEqualTo(60);
        }

        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='logout']")));
        assertThat(browser.getCurrentUrl()).contains("/login");
        browser.get(round);
        assertThat(browser.getCurrentUrl()).as("signed out: the round asks for signing in").contains("/login?next=");
        workspace.screenshot("7-signed-out.png");
    }



    private static void choose(String select, String value) {
        browser.findElement(By.cssSelector("[data-testid='" + select + "'] option[value='" + value + "']")).click();
    }


    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("[data-testid='decisions'] tbody tr"));
    }
}
