package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Policy staff's path through the packaged jar's workbench in headless Chromium: the sample round
 * stored by a secretary, then, signed in as policy staff, DISTRICT_MODEL's months lowered from 12 to
 * 10 in the threshold form, the impact on the stored sample round, the draft saved with a note, the
 * new version in the history with its diff, and the code editor's live check marking a broken line.
 * Screenshots go to {@code target/workbench-browser/}.
 */
class WorkbenchBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/workbench-browser").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.xlsx").toAbsolutePath();
    private static final String MONTHS = "district-model.months-running";
    private static final String NOTE = "Hạ số tháng hoạt động của DISTRICT_MODEL từ 12 xuống 10 (thử nghiệm)";

    private static ChromeDriver browser;
    private static Path userData;
    private static ServedJar served;

    @BeforeAll
    static void serveAndStartTheBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("Debian's chromium at " + CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("Debian's chromium-driver at " + CHROMEDRIVER).isTrue();
        assertThat(ServedJar.JAR).as("target/dvk.jar: run through `./mvnw verify`, after package").exists();
        deleteTree(OUT);
        Files.createDirectories(OUT);
        served = ServedJar.start(Files.createDirectories(OUT.resolve("workspace")));
        userData = Files.createTempDirectory("dvk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + userData, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.SEVERE);
        browser = new ChromeDriver(service, options);
        // the impact runs a child JVM that compiles the draft and evaluates the round and the fixtures
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(240)).scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void quit() throws Exception {
        if (browser != null) browser.quit();
        if (served != null) served.terminate();
        deleteTree(userData);
    }

    @Test
    void policyStaffLowerDistrictModelsMonthsSeeTheImpactAndSaveIt() throws Exception {
        // the administrator, a secretary and policy staff
        browser.get(served.setupLink());
        type("login", "quantri");
        type("displayName", "Quản trị viên");
        type("password", "mat khau quan tri");
        type("repeated", "mat khau quan tri");
        submit();
        waitForUrl(".*/users", Duration.ofSeconds(30));
        person("thuky", "Nguyễn Thị Thư", "SECRETARY");
        person("chinhsach", "Trần Văn Chính", "POLICY");
        browser.findElement(By.cssSelector("[data-testid='logout']")).click();

        // the secretary stores the sample round
        signIn("thuky", "mat khau thu ky");
        browser.findElement(By.cssSelector("[data-testid='new-round']")).click();
        type("name", "Huyện Gia Lâm 2024");
        browser.findElement(By.name("year")).clear();
        type("year", "2024");
        browser.findElement(By.name("file")).sendKeys(SAMPLE.toString());
        browser.findElement(By.cssSelector("[data-testid='upload']")).click();
        waitForUrl(".*/rounds/\\d+/versions/1", Duration.ofSeconds(120));
        assertThat(testId("title-DISTRICT_MODEL")).isEqualTo("27");
        browser.findElement(By.cssSelector("[data-testid='logout']")).click();

        // policy staff open the rules of 2024–2025: the catalog, and the thresholds in forms
        signIn("chinhsach", "mat khau chinh sach");
        browser.findElement(By.cssSelector("[data-testid='nav-workbench']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        screenshot("1-rule-sets.png");
        browser.findElement(By.cssSelector("[data-testid='open-2024-2025']")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid='catalog'] tr[data-rule='" + MONTHS + "']")).getText())
                .contains("DISTRICT_MODEL", "months-running", "Thời gian duy trì", "tối thiểu 12 tháng", "district-model.drl:15");
        WebElement months = browser.findElement(By.cssSelector("[data-testid='threshold-" + MONTHS + "']"));
        assertThat(months.getAttribute("value")).isEqualTo("12");
        screenshot("2-catalog.png");

        // lower the months from 12 to 10: the draft shows that one number changed
        months.clear();
        months.sendKeys("10");
        browser.findElement(By.cssSelector("[data-testid='set-" + MONTHS + "']")).click();
        waitForUrl(".*/workbench/2024-2025/draft", Duration.ofSeconds(30));
        String diff = testId("draft-diff");
        assertThat(diff).contains("-    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 12));",
                "+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));");
        assertThat(diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")))
                .hasSize(2);

        // its impact on the stored sample round, the fixtures and their coverage
        browser.findElement(By.cssSelector("[data-testid='impact-submit']")).click();
        waitForUrl(".*/workbench/2024-2025/draft\\?round=.*", Duration.ofSeconds(30));
        waitFor(Duration.ofSeconds(240), "[data-testid='impact']");
        assertThat(browser.findElements(By.cssSelector("[data-testid='draft-failure']"))).isEmpty();
        String gained = testId("gained-DISTRICT_MODEL");
        assertThat(gained).startsWith("+");
        assertThat(Integer.parseInt(gained.substring(1))).isPositive();
        assertThat(testId("impact-changes")).contains("GL-2024-016", "yêu cầu tối thiểu 12 tháng → tối thiểu 10 tháng");
        assertThat(browser.findElements(By.cssSelector("[data-testid='fixtures'] tbody tr"))).hasSize(6);
        screenshot("3-impact.png");

        // saved as a new version with a note; the history shows it with its diff
        browser.findElement(By.cssSelector("[data-testid='save-note']")).sendKeys(NOTE);
        browser.findElement(By.cssSelector("[data-testid='save']")).click();
        waitForUrl(".*/workbench/2024-2025/history\\?saved=.*", Duration.ofSeconds(240));
        assertThat(testId("saved")).isNotEmpty();
        WebElement newest = browser.findElement(By.cssSelector("[data-testid='history'] > li"));
        assertThat(newest.findElement(By.cssSelector("[data-testid='version-note']")).getText()).isEqualTo(NOTE);
        assertThat(newest.getText()).contains("Trần Văn Chính (chinhsach)");
        assertThat(newest.findElement(By.cssSelector("[data-testid='version-diff']")).getText())
                .contains("+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));");
        assertThat(browser.findElements(By.cssSelector("[data-testid='history'] > li"))).hasSize(2);
        screenshot("4-history.png");

        // the code editor: a missing ")" is marked at its line as one types
        browser.get(served.base + "/workbench/2024-2025/files/district-model.drl");
        assertThat(browser.findElements(By.cssSelector(".CodeMirror"))).hasSize(1);
        ((JavascriptExecutor) browser).executeScript("var e = window.dvkEditor; e.setValue(e.getValue()"
                + ".replace('$m : Measures(nominationId == $n.id)', '$m : Measures(nominationId == $n.id'));");
        waitFor(Duration.ofSeconds(120), "[data-testid='check-problems'] li.error");
        assertThat(testId("check-problems")).contains("21:");
        waitFor(Duration.ofSeconds(10), ".CodeMirror-lint-marker-error");
        screenshot("5-editor.png");
    }

    private static void waitForUrl(String pattern, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (browser.getCurrentUrl().matches(pattern)) return;
            Thread.sleep(200);
        }
        assertThat(browser.getCurrentUrl()).matches(pattern);
    }

    private static void waitFor(Duration limit, String selector) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!browser.findElements(By.cssSelector(selector)).isEmpty()) return;
            Thread.sleep(250);
        }
        throw new AssertionError("nothing matched " + selector + " within " + limit.toSeconds() + " s");
    }

    private static void person(String login, String name, String role) throws InterruptedException {
        browser.get(served.base + "/users");
        WebElement form = browser.findElement(By.cssSelector("[data-testid='new-user']"));
        form.findElement(By.name("login")).sendKeys(login);
        form.findElement(By.name("displayName")).sendKeys(name);
        form.findElement(By.name("password")).sendKeys(login.equals("thuky") ? "mat khau thu ky" : "mat khau chinh sach");
        form.findElement(By.cssSelector("input[name='roles'][value='" + role + "']")).click();
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor(Duration.ofSeconds(30), "[data-testid='users'] tr[data-login='" + login + "']");
    }

    private static void signIn(String login, String password) throws InterruptedException {
        waitForUrl(".*/login.*", Duration.ofSeconds(30));
        type("login", login);
        type("password", password);
        submit();
        waitForUrl(".*/rounds", Duration.ofSeconds(30));
    }

    private static void type(String name, String text) {
        browser.findElement(By.name(name)).sendKeys(text);
    }

    private static void submit() {
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
    }

    private static String testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']")).getText().trim();
    }

    private static void screenshot(String file) throws Exception {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", 1400);
        clip.put("height", Math.min(height.intValue(), 3000));
        clip.put("scale", 1);
        Map<String, Object> result = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(OUT.resolve(file), Base64.getDecoder().decode((String) result.get("data")));
    }

    private static void deleteTree(Path directory) throws Exception {
        if (directory == null || !Files.exists(directory)) return;
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
