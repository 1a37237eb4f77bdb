package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.HeadlessChromium;
import dvk.testing.XlsxFile;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The committee's year through the packaged jar's workspace in headless Chromium: a secretary
 * uploads the 2024 sample workbook, withholds one title with a reason, issues the round with a
 * number and date, finds the titles in the register and downloads it, uploads a 2026 batch that
 * carries the model codes the register gave, sees the prior recognitions taken from the register
 * with the one typed claim it contradicts flagged, then the statistics. Screenshots go to
 * {@code target/committee-year-browser/}.
 */
class CommitteeYearBrowserIT {
    private static final Path OUT = Path.of("target/committee-year-browser").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.xlsx").toAbsolutePath();
    private static final Path SAMPLE_JSON = Path.of("fixtures/samples/gia-lam-2024.json").toAbsolutePath();
    private static final String NUMBER = "123/QĐ-UBND";
    private static final String REASON = "Mô hình đã nhận Giấy khen của Sở Văn hóa năm 2024";

    private static WorkspaceInBrowser workspace;
    private static ChromeDriver browser;

    @BeforeAll
    static void serveAndStartTheBrowser() throws Exception {
        workspace = WorkspaceInBrowser.start("the committee's year browser test", OUT, Duration.ofSeconds(60));
        browser = workspace.browser;
    }

    @AfterAll
    static void quit() throws Exception {
        if (workspace != null) workspace.close();
    }

    @Test
    void fromUploadToIssuedDecisionRegisterAndTheNextYear() throws Exception {
        // the administrator through the setup link, and the secretary's account
        workspace.administratorFromSetupLink();
        WebElement form = browser.findElement(By.cssSelector("[data-testid='new-user']"));
        form.findElement(By.name("login")).sendKeys("thuky");
        form.findElement(By.name("displayName")).sendKeys("Nguyễn Thị Thư");
        form.findElement(By.name("password")).sendKeys("mat khau thu ky");
        form.findElement(By.cssSelector("input[name='roles'][value='SECRETARY']")).click();
        workspace.chromium.go(form.findElement(By.cssSelector("button[type='submit']")));
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='logout']")));

        // the secretary uploads the 2024 sample workbook
        workspace.type("login", "thuky");
        workspace.type("password", "mat khau thu ky");
        workspace.chromium.go(browser.findElement(By.cssSelector("main form button[type='submit']")));
        String round = upload("Huyện Gia Lâm 2024", "2024", SAMPLE);
        assertThat(workspace.testId("title-DISTRICT_GIAY_KHEN")).isEqualTo("15");
        workspace.screenshot("1-round-2024.png");

        // one Giấy khen withheld, with the council's reason
        browser.get(round + "/versions/1?title=DISTRICT_GIAY_KHEN");
        WebElement holder = browser.findElement(By.cssSelector("[data-testid='decisions'] tbody tr a"));
        String holderId = holder.getText();
        workspace.chromium.go(holder);
        WebElement withhold = browser.findElement(By.cssSelector("[data-testid='verdict-DISTRICT_GIAY_KHEN']"));
        withhold.findElement(By.name("reason")).sendKeys(REASON);
        workspace.chromium.go(withhold.findElement(By.cssSelector("button[type='submit']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid='verdicts'] tr[data-title='DISTRICT_GIAY_KHEN']")).getText())
                .contains("Không trao").contains(REASON);
        workspace.screenshot("2-card-withheld.png");

        // the round page shows the override apart; the round is issued with its number and date
        browser.get(round + "/versions/1");
        assertThat(browser.findElement(By.cssSelector("[data-testid='overrides']")).getText()).contains(holderId).contains(REASON);
        WebElement issue = browser.findElement(By.cssSelector("[data-testid='issue']"));
        issue.findElement(By.name("number")).sendKeys(NUMBER);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-12-15'", issue.findElement(By.name("date")));
        issue.findElement(By.name("signer")).sendKeys("Nguyễn Văn Ký");
        workspace.chromium.go(issue.findElement(By.cssSelector("[data-testid='issue-submit']")));
        assertThat(workspace.testId("issued")).contains(NUMBER).contains("15/12/2024").contains("Nguyễn Văn Ký").contains("52 danh hiệu");
        assertThat(browser.findElements(By.cssSelector("[data-testid='upload-version']"))).as("an issued round is read-only").isEmpty();
        workspace.screenshot("3-issued.png");

        // the titles in the register, found without accents; the register downloaded
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='nav-register']")));
        WebElement search = browser.findElement(By.cssSelector("[data-testid='register-district']"));
        search.sendKeys("gia lam");
        browser.findElement(By.cssSelector("[data-testid='register-year']")).sendKeys("2024");
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='register-submit']")));
        assertThat(workspace.testId("register-total")).isEqualTo("Hiển thị 52 trong 52 danh hiệu");
        List<WebElement> entries = browser.findElements(By.cssSelector("[data-testid='register'] tbody tr"));
        assertThat(entries).hasSize(52).allSatisfy(r -> assertThat(r.getText()).contains(NUMBER));
        workspace.screenshot("4-register.png");
        browser.findElement(By.cssSelector("[data-testid='register-export']")).click();
        Path exported = HeadlessChromium.waitForDownload(workspace.downloads, ".xlsx");
        Map<String, String> codes = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(exported.toFile())) {
            DataFormatter cells = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getRowNum() == 0) continue;
                codes.put(cells.formatCellValue(row.getCell(4)), cells.formatCellValue(row.getCell(0)));
            }
        }
        assertThat(codes.values()).allMatch(c -> c.matches("(MH|CT)-\\d{6}"));

        // a 2026 batch carrying the register's codes; no typed recognitions but one, which the register contradicts
        XlsxFile batch = XlsxFile.fromJson(SAMPLE_JSON).addColumn("modelCode");
        String claimant = null;
        int claimantRow = -1;
        for (int r = 0; r < batch.rows(); r++) {
            String name = (String) batch.get(r, "name");
            batch.set(r, "year", 2026);
            batch.set(r, "id", ((String) batch.get(r, "id")).replace("2024", "2026"));
            batch.set(r, "modelCode", codes.get(name));
            batch.set(r, "priorRecognitions", null);
            if (claimant == null && codes.containsKey(name) && "MODEL".equals(batch.get(r, "type"))) {
                claimant = (String) batch.get(r, "id");
                claimantRow = r;
            }
        }
        assertThat(claimant).isNotNull();
        batch.set(claimantRow, "priorRecognitions", "2023:DISTRICT:DISTRICT_MODEL");
        Path next = OUT.resolve("gia-lam-2026.xlsx");
        batch.write(next);
        browser.findElement(By.cssSelector("[data-testid='account']"));
        browser.get(workspace.served.base + "/rounds");
        String round2026 = upload("Huyện Gia Lâm 2026", "2026", next);
        assertThat(browser.findElements(By.cssSelector("[data-testid='flagged'] tbody tr"))).as("one claim flagged").hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-testid='flagged']")).getText()).contains(claimant);
        workspace.screenshot("5-round-2026-flagged.png");
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='flagged'] tbody tr a")));
        assertThat(workspace.testId("model-code")).isEqualTo(codes.get((String) batch.get(claimantRow, "name")));
        List<WebElement> fromRegister = browser.findElements(By.cssSelector("[data-testid='priors'] tr[data-source='register']"));
        assertThat(fromRegister).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains("2024").contains(NUMBER));
        assertThat(browser.findElement(By.cssSelector("[data-testid='priors'] tr[data-source='typed']")).getText()).contains("2023");
        assertThat(workspace.testId("flags")).isEqualTo("khai DISTRICT_MODEL 2023; sổ đăng ký ghi năm 2024");
        workspace.screenshot("6-card-2026-priors.png");
        browser.get(browser.getCurrentUrl() + "?lang=en");
        assertThat(workspace.testId("flags")).isEqualTo("claims DISTRICT_MODEL 2023; the register has it in 2024");
        browser.get(round2026 + "/versions/1?lang=vi");

        // the statistics: titles by year, district and field, as tables and charts
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='nav-statistics']")));
        assertThat(browser.findElement(By.cssSelector("[data-testid='stats-by-year'] table")).getText()).contains("2024").contains("52");
        assertThat(browser.findElements(By.cssSelector("[data-testid='stats-by-district'] svg rect"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("[data-testid='stats-by-field'] svg rect"))).hasSizeGreaterThan(1);
        workspace.screenshot("7-statistics.png");
    }

    /** A new round from a file; the URL of the round. */
    private static String upload(String name, String year, Path file) {
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='new-round']")));
        workspace.type("name", name);
        browser.findElement(By.name("year")).clear();
        workspace.type("year", year);
        browser.findElement(By.name("file")).sendKeys(file.toString());
        // the upload is evaluated before the answer comes: wait for the next page rather than read the address too soon
        workspace.chromium.go(browser.findElement(By.cssSelector("[data-testid='upload']")));
        assertThat(browser.getCurrentUrl()).as(() -> browser.findElement(By.tagName("main")).getText()).matches(".*/rounds/\\d+/versions/1");
        return browser.getCurrentUrl().replaceAll("/versions/1$", "");
    }

    static String unaccented(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }
}
