package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Policy staff's path through the packaged jar's workbench in headless Chromium: the sample round
 * stored by a secretary, then, signed in as policy staff, DISTRICT_MODEL's months lowered from 12 to
 * 10 in the threshold form, the impact on the stored sample round, the draft saved with a note, the
 * new version in the history with its diff, and the code editor's live check marking a broken line.
 * Screenshots go to {@code target/workbench-browser/}.
 */
class WorkbenchBrowserIT {
    private static final Path OUT = Path.of("target/workbench-browser").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.xlsx").toAbsolutePath();
    private static final String MONTHS = "district-model.months-running";
    private static final String NOTE = "Hạ số tháng hoạt động của DISTRICT_MODEL từ 12 xuống 10 (thử nghiệm)";

    private static WorkspaceInBrowser workspace;
    private static ChromeDriver browser;

    @BeforeAll
    static void serveAndStartTheBrowser() throws Exception {
        workspace = WorkspaceInBrowser.start("the workbench's browser test", OUT, Duration.ofSeconds(240));
        browser = workspace.browser;
    }

    @AfterAll
    static void quit() throws Exception {
        if (workspace != null) workspace.close();
    }

    @Test
    void policyStaffLowerDistrictModelsMonthsSeeTheImpactAndSaveIt() throws Exception {
        // the administrator, a secretary and policy staff
        workspace.administratorFromSetupLink();
        waitForUrl(".*/users", Duration.ofSeconds(30));
        person("thuky", "Nguyễn Thị Thư", "SECRETARY");
        person("chinhsach", "Trần Văn Chính", "POLICY");
        browser.findElement(By.cssSelector("[data-testid='logout']")).click();

        // the secretary stores the sample round
        signIn("thuky", "mat khau thu ky");
        browser.findElement(By.cssSelector("[data-testid='new-round']")).click();
        workspace.type("name", "Huyện Gia Lâm 2024");
        browser.findElement(By.name("year")).clear();
        workspace.type("year", "2024");
        browser.findElement(By.name("file")).sendKeys(SAMPLE.toString());
        browser.findElement(By.cssSelector("[data-testid='upload']")).click();
        waitForUrl(".*/rounds/\\d+/versions/1", Duration.ofSeconds(120));
        assertThat(workspace.testId("title-DISTRICT_MODEL")).isEqualTo("27");
        browser.findElement(By.cssSelector("[data-testid='logout']")).click();

        // policy staff open the rules of 2024–2025: the catalog, and the thresholds in forms
        signIn("chinhsach", "mat khau chinh sach");
        browser.findElement(By.cssSelector("[data-testid='nav-workbench']")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        workspace.screenshot("1-rule-sets.png");
        browser.findElement(By.cssSelector("[data-testid='open-2024-2025']")).click();
        assertThat(browser.findElement(By.cssSelector("[data-testid='catalog'] tr[data-rule='" + MONTHS + "']")).getText())
                .contains("DISTRICT_MODEL", "months-running", "Thời gian duy trì", "tối thiểu 12 tháng", "district-model.drl:15");
        WebElement months = browser.findElement(By.cssSelector("[data-testid='threshold-" + MONTHS + "']"));
        assertThat(months.getAttribute("value")).isEqualTo("12");
        workspace.screenshot("2-catalog.png");

        // lower the months from 12 to 10: the draft shows that one number changed
        months.clear();
        months.sendKeys("10");
        browser.findElement(By.cssSelector("[data-testid='set-" + MONTHS + "']")).click();
        waitForUrl(".*/workbench/2024-2025/draft", Duration.ofSeconds(30));
        String diff = workspace.testId("draft-diff");
        assertThat(diff).contains("-    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 12));",
                "+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));");
        assertThat(diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")))
                .hasSize(2);

        // its impact on the stored sample round, the fixtures and their coverage
        browser.findElement(By.cssSelector("[data-testid='impact-submit']")).click();
        waitForUrl(".*/workbench/2024-2025/draft\\?round=.*", Duration.ofSeconds(30));
        waitFor(Duration.ofSeconds(240), "[data-testid='impact']");
        assertThat(browser.findElements(By.cssSelector("[data-testid='draft-failure']"))).isEmpty();
        String gained = workspace.testId("gained-DISTRICT_MODEL");
        assertThat(gained).startsWith("+");
        assertThat(Integer.parseInt(gained.substring(1))).isPositive();
        assertThat(workspace.testId("impact-changes")).contains("GL-2024-016", "yêu cầu tối thiểu 12 tháng → tối thiểu 10 tháng");
        assertThat(browser.findElements(By.cssSelector("[data-testid='fixtures'] tbody tr"))).hasSize(6);
        workspace.screenshot("3-impact.png");

        // saved as a new version with a note; the history shows it with its diff
        browser.findElement(By.cssSelector("[data-testid='save-note']")).sendKeys(NOTE);
        browser.findElement(By.cssSelector("[data-testid='save']")).click();
        waitForUrl(".*/workbench/2024-2025/history\\?saved=.*", Duration.ofSeconds(240));
        assertThat(workspace.testId("saved")).isNotEmpty();
        WebElement newest = browser.findElement(By.cssSelector("[data-testid='history'] > li"));
        assertThat(newest.findElement(By.cssSelector("[data-testid='version-note']")).getText()).isEqualTo(NOTE);
        assertThat(newest.getText()).contains("Trần Văn Chính (chinhsach)");
        assertThat(newest.findElement(By.cssSelector("[data-testid='version-diff']")).getText())
                .contains("+    insertLogical(Check.atLeast(kcontext, $n.id(), $m.months(), 10));");
        assertThat(browser.findElements(By.cssSelector("[data-testid='history'] > li"))).hasSize(2);
        workspace.screenshot("4-history.png");

        // the code editor: a missing ")" is marked at its line as one types
        browser.get(workspace.served.base + "/workbench/2024-2025/files/district-model.drl");
        assertThat(browser.findElements(By.cssSelector(".CodeMirror"))).hasSize(1);
        ((JavascriptExecutor) browser).executeScript("var e = window.dvkEditor; e.setValue(e.getValue()"
                + ".replace('$m : Measures(nominationId == $n.id)', '$m : Measures(nominationId == $n.id'));");
        waitFor(Duration.ofSeconds(120), "[data-testid='check-problems'] li.error");
        assertThat(workspace.testId("check-problems")).contains("21:");
        waitFor(Duration.ofSeconds(10), ".CodeMirror-lint-marker-error");
        workspace.screenshot("5-editor.png");
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
        browser.get(workspace.served.base + "/users");
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
        workspace.type("login", login);
        workspace.type("password", password);
        workspace.submit();
        waitForUrl(".*/rounds", Duration.ofSeconds(30));
    }
}
