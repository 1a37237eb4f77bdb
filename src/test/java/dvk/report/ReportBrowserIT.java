package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.testing.HeadlessChromium;
import dvk.testing.RulesCopy;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Opens the HTML pages made by the packaged {@code target/dvk.jar} in headless Chromium, and checks
 * what a reader sees against the JSON output of the same run. The decisions report of the sample
 * batch: the summary, the "showing N of M" counter under each filter, sorting, the per-title tables
 * of the meeting, a card link (with {@code --cards all}), the chart, nothing wider than a 360 px
 * phone, the A4 print (its page count), and names from the input that look like markup. The impact
 * page of a rules change: the counts per title and the nominations that change, on screen and in print.
 * Debian's chromium and chromedriver are used as they are (no Selenium Manager, no download).
 * The pages, their JSON and logs go to {@code target/browser/}, screenshots and the printed PDF to
 * {@code target/screenshots/} (with a PNG of each printed page where Poppler's pdftoppm is installed).
 */
class ReportBrowserIT {
    private static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json").toAbsolutePath();
    /** Three districts, two of which differ only by case: the district filter compares exact strings. */
    private static final Path DISTRICTS_FIXTURE = Path.of("fixtures/regression/quota-2024.json").toAbsolutePath();
    private static final Path OUT = Path.of("target/browser").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();
    /** Names that would run a script or show an image if the page let them out of their text. */
    private static final String SCRIPT_NAME = "</script><script>alert(1)</script>";
    private static final String IMG_NAME = "\"><img src=x onerror=alert(1)>";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Selenium's DevTools bindings lag behind Debian's Chromium; the CDP commands used here need none of them. Held: loggers are weakly referenced. */

    private static ChromeDriver browser;
    private static HeadlessChromium chromium;
    private static Report sample;
    /** The sample with every card ({@code --cards all}). */
    private static Report sampleCards;
    private static Report districts;
    private static Report names;
    /** The sample under rules that ask district models for 18 months instead of 12. */
    private static Impact impact;

    /** An impact page and the JSON impact of the same change. */
    record Impact(String url, JsonNode json) {}

    /** A report and the JSON decisions of the same batch, with each decided record's input. */
    record Report(String url, JsonNode json, Map<String, JsonNode> input) {
        List<JsonNode> decidedInput() {
            List<JsonNode> records = new ArrayList<>();
            json.get("decisions").forEach(d -> records.add(input.get(d.get("id").asText())));
            return records;
        }

        long decisionsWith(String title) {
            long n = 0;
            for (JsonNode d : json.get("decisions")) {
                for (JsonNode award : d.get("awards")) {
                    if (award.get("title").asText().equals(title)) n++;
                }
            }
            return n;
        }
    }

    @BeforeAll
    static void generateReportsAndStartTheBrowser() throws Exception {
        HeadlessChromium.requireInstalled("the report's browser test");
        assertThat(JAR).as("target/dvk.jar: run through `./mvnw verify`, after package").exists();
        Files.createDirectories(OUT);
        Path multi = OUT.resolve("districts-2024.json");
        Files.write(multi, JSON.writeValueAsBytes(JSON.readTree(DISTRICTS_FIXTURE.toFile()).get("batch")));
        ObjectNode named = (ObjectNode) JSON.readTree(SAMPLE.toFile());
        ((ObjectNode) named.get("nominations").get(0)).put("name", SCRIPT_NAME);
        ((ObjectNode) named.get("nominations").get(1)).put("name", IMG_NAME);
        Path markup = OUT.resolve("names-2024.json");
        Files.write(markup, JSON.writeValueAsBytes(named));
        Path months18 = OUT.resolve("months-18");
        HeadlessChromium.deleteTree(months18);
        Path changed = RulesCopy.of(months18).replace("district-model.drl", "$m.months(), 12)", "$m.months(), 18)").directory();
        List<Process> runs = new ArrayList<>();
        for (Map.Entry<Path, String> batch : Map.of(SAMPLE, "report", multi, "districts", markup, "names").entrySet()) {
            for (String format : List.of("html", "json")) {
                runs.add(dvk("evaluate", batch.getKey().toString(), "--format", format, "--cards", "all",
                        "--out", OUT.resolve(batch.getValue() + "-cards." + format).toString()));
            }
        }
        runs.add(dvk("evaluate", SAMPLE.toString(), "--format", "html", "--out", OUT.resolve("report.html").toString()));
        runs.add(dvk("evaluate", SAMPLE.toString(), "--format", "html", "--lang", "en", "--cards", "missed",
                "--out", OUT.resolve("report-en.html").toString()));
        for (String format : List.of("html", "json")) {
            runs.add(dvk("diff", "--base", "rules", "--rules", changed.toString(), SAMPLE.toString(), "--format", format,
                    "--out", OUT.resolve("impact." + format).toString()));
        }
        for (Process run : runs) {
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("dvk finished in time").isTrue();
            assertThat(run.exitValue()).as(run.info().commandLine().orElse("dvk") + "; see " + OUT + "/*.log").isIn(0, 3);
        }
        sample = report(SAMPLE, "report", "report-cards");
        sampleCards = report(SAMPLE, "report-cards", "report-cards");
        districts = report(multi, "districts-cards", "districts-cards");
        names = report(markup, "names-cards", "names-cards");
        impact = new Impact(OUT.resolve("impact.html").toUri().toString(), JSON.readTree(OUT.resolve("impact.json").toFile()));
        Files.createDirectories(SCREENSHOTS);

        chromium = HeadlessChromium.start("the report's browser test", Duration.ofSeconds(20), null);
        browser = chromium.driver();
    }

    @AfterAll
    static void quit() throws Exception {
        if (chromium != null) chromium.close();
    }

    /** The report made from the batch, with the JSON decisions of the same batch and its input records by id. */
    private static Report report(Path batch, String name, String json) throws Exception {
        Map<String, JsonNode> input = new HashMap<>();
        JSON.readTree(batch.toFile()).get("nominations").forEach(n -> input.putIfAbsent(n.path("id").asText(), n));
        return new Report(OUT.resolve(name + ".html").toUri().toString(),
                JSON.readTree(OUT.resolve(json + ".json").toFile()), input);
    }

    /** Starts the packaged jar, as a user runs it from the project directory. */
    private static Process dvk(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        File log = OUT.resolve(Path.of(args[args.length - 1]).getFileName() + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void open(Report report) {
        browser.get(report.url());
        assertThat(browser.findElement(By.id("controls")).isDisplayed()).as("the script ran and showed the controls").isTrue();
    }

    private static String testId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']")).getText().trim();
    }

    private static long shown() {
        return Long.parseLong(browser.findElement(By.id("shown-count")).getText().trim());
    }

    /** The rows a reader sees (laid out, not hidden by a filter), in page order: their data attributes and text. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> visibleRows() {
        return (List<Map<String, String>>) browser.executeScript("""
                return Array.from(document.querySelectorAll('#nominations tbody tr'))
                  .filter(r => r.getClientRects().length > 0 && getComputedStyle(r).visibility !== 'hidden')
                  .map(r => ({id: r.dataset.id, district: r.dataset.district, type: r.dataset.type,
                              titles: r.dataset.titles, score: r.dataset.score, text: r.innerText}));""");
    }

    /** Picks an option as a reader does: a click on it. */
    private static void choose(String selectId, String value) {
        WebElement select = browser.findElement(By.id(selectId));
        WebElement option = select.findElements(By.tagName("option")).stream()
                .filter(o -> value.equals(o.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError(selectId + " has no option " + value));
        option.click();
        assertThat(select.getAttribute("value")).isEqualTo(value);
    }

    private static List<String> options(String selectId) {
        return browser.findElements(By.cssSelector("#" + selectId + " option")).stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty() && !v.equals("-")).toList();
    }

    private static void screenshot(String file, int maxHeight) throws Exception {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", 1400);
        clip.put("height", Math.min(height.intValue(), maxHeight));
        clip.put("scale", 1);
        Map<String, Object> result = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) result.get("data")));
    }

    @Test
    void theVisibleSummaryAndCountersAreThoseOfTheJson() throws Exception {
        open(sample);
        JsonNode json = sample.json();
        assertThat(testId("year")).isEqualTo(json.get("year").asText());
        assertThat(testId("fingerprint")).isEqualTo(json.at("/rules/fingerprint").asText());
        assertThat(testId("count-records")).isEqualTo(json.at("/summary/records").asText());
        assertThat(testId("count-decided")).isEqualTo(json.at("/summary/decided").asText());
        assertThat(testId("count-rejected")).isEqualTo(json.at("/summary/rejected").asText());
        long all = 0;
        for (var title : (Iterable<Map.Entry<String, JsonNode>>) json.at("/summary/titles")::fields) {
            WebElement total = browser.findElement(By.cssSelector("[data-testid='summary-total-" + title.getKey() + "']"));
            assertThat(total.isDisplayed()).isTrue();
            assertThat(total.getText().trim()).as(title.getKey()).isEqualTo(title.getValue().asText());
            all += title.getValue().asLong();
        }
        assertThat(testId("summary-total")).isEqualTo(String.valueOf(all));
        int decided = json.get("decisions").size();
        assertThat(shown()).isEqualTo(decided);
        assertThat(browser.findElement(By.id("total-count")).getText()).isEqualTo(String.valueOf(decided));
        assertThat(visibleRows()).hasSize(decided);
        assertThat(browser.findElement(By.cssSelector("[data-testid='counter']")).getText())
                .contains("Hiển thị").doesNotContain("showing").contains(decided + " / " + decided);
        screenshot("report.png", 2600);
        screenshot("report-top.png", 1320);
    }

    @Test
    void theDistrictFilterShowsTheDistrictsDecisionsOnly() throws Exception {
        for (Report report : List.of(sample, districts)) {
            open(report);
            List<String> names = options("filter-district");
            assertThat(names).hasSize((int) report.decidedInput().stream().map(n -> n.get("district").asText()).distinct().count());
            for (String district : names) {
                choose("filter-district", district);
                long expected = report.decidedInput().stream().filter(n -> n.get("district").asText().equals(district)).count();
                assertThat(shown()).as(district).isEqualTo(expected).isPositive();
                assertThat(visibleRows()).hasSize((int) expected)
                        .allSatisfy(row -> assertThat(row.get("district")).isEqualTo(district));
            }
        }
        assertThat(options("filter-district")).containsExactly("Gia lâm", "Gia Lâm", "Long Biên");
    }

    @Test
    void theTitleAndTypeFiltersShowTheMatchingDecisions() throws Exception {
        open(sample);
        JsonNode titles = sample.json().at("/summary/titles");
        assertThat(options("filter-title")).containsExactlyElementsOf(() -> titles.fieldNames());
        for (String title : options("filter-title")) {
            choose("filter-title", title);
            assertThat(shown()).as(title).isEqualTo(titles.get(title).asLong()).isEqualTo(sample.decisionsWith(title));
            assertThat(visibleRows()).hasSize(titles.get(title).asInt())
                    .allSatisfy(row -> assertThat(row.get("titles").split(" ")).contains(title));
        }
        choose("filter-title", "");
        for (String type : List.of("MODEL", "WORK")) {
            choose("filter-type", type);
            long expected = sample.decidedInput().stream().filter(n -> n.get("type").asText().equals(type)).count();
            assertThat(shown()).as(type).isEqualTo(expected).isPositive();
            assertThat(visibleRows()).allSatisfy(row -> assertThat(row.get("type")).isEqualTo(type));
        }
        choose("filter-title", "CITY_MODEL");
        assertThat(shown()).as("works never hold a model title").isZero();
        assertThat(browser.findElement(By.id("no-match")).isDisplayed()).isTrue();
        choose("filter-type", "MODEL");
        assertThat(shown()).isEqualTo(sample.decisionsWith("CITY_MODEL"));
        assertThat(browser.findElement(By.id("no-match")).isDisplayed()).isFalse();

        browser.findElement(By.id("filter-reset")).click();
        WebElement search = browser.findElement(By.id("filter-text"));
        search.sendKeys("bat trang");
        long batTrang = sample.decidedInput().stream()
                .filter(n -> (n.get("name").asText() + n.get("commune").asText()).contains("Bát Tràng")).count();
        assertThat(shown()).as("a search without accents finds the names with them").isEqualTo(batTrang).isPositive();
        assertThat(visibleRows()).allSatisfy(row -> assertThat(row.get("text")).contains("Bát Tràng"));

        browser.findElement(By.id("filter-reset")).click();
        assertThat(shown()).isEqualTo(sample.json().get("decisions").size());
        choose("filter-title", "DISTRICT_GIAY_KHEN");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('list').scrollIntoView()");
        Files.write(SCREENSHOTS.resolve("report-filtered.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theScoreHeaderSortsDescendingThenAscendingWithWorksLast() {
        open(sample);
        WebElement header = browser.findElement(By.cssSelector("#nominations th[data-key='score'] button"));
        header.click();
        assertThat(browser.findElement(By.cssSelector("#nominations th[data-key='score']")).getAttribute("aria-sort"))
                .isEqualTo("descending");
        List<String> descending = scores();
        header.click();
        List<String> ascending = scores();
        long works = sample.decidedInput().stream().filter(n -> n.get("type").asText().equals("WORK")).count();
        for (List<String> order : List.of(descending, ascending)) {
            assertThat(order).hasSize(sample.json().get("decisions").size());
            assertThat(order.subList(order.size() - (int) works, order.size())).as("works have no score").containsOnly("");
        }
        List<Integer> down = descending.stream().filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        List<Integer> up = ascending.stream().filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        assertThat(down).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(up).isSorted();
        assertThat(down.get(0)).isGreaterThan(up.get(0));
        assertThat(browser.findElements(By.cssSelector("#nominations tbody tr")).get(0).getAttribute("data-score"))
                .isEqualTo(String.valueOf(up.get(0)));
    }

    private static List<String> scores() {
        return visibleRows().stream().map(r -> r.get("score")).toList();
    }

    @Test
    void aRowLinksToItsCardWithTheReasonsInWords() throws Exception {
        open(sampleCards);
        WebElement row = browser.findElement(By.cssSelector("#nominations tbody tr"));
        String id = row.getAttribute("data-id");
        row.findElement(By.tagName("a")).click();
        WebElement card = browser.findElement(By.id(DecisionHtmlWriter.cardId(id)));
        assertThat(card.getAttribute("data-id")).isEqualTo(id);
        assertThat(browser.getCurrentUrl()).endsWith("#" + DecisionHtmlWriter.cardId(id));
        Number top = (Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().top", card);
        assertThat(top.doubleValue()).as("the card is scrolled into view").isBetween(-1.0, 1000.0);
        assertThat(card.isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-testid='card']"))).hasSize(sampleCards.json().get("decisions").size());
        JsonNode decision = sample.json().get("decisions").get(0);
        JsonNode missed = decision.at("/notAwarded/0/failed/0");
        assertThat(missed.get("criterion").asText()).isEqualTo("min-score");
        WebElement failed = card.findElement(By.cssSelector(".missed[data-title='" + decision.at("/notAwarded/0/title").asText()
                + "'] tr[data-criterion='" + missed.get("criterion").asText() + "']"));
        assertThat(failed.findElement(By.tagName("td")).getText()).startsWith("Điểm tối thiểu");
        assertThat(failed.findElement(By.cssSelector(".actual")).getText()).isEqualTo(missed.get("actual").asText() + " điểm");
        assertThat(missed.get("required").asText()).startsWith(">= ");
        assertThat(failed.findElement(By.cssSelector(".required")).getText())
                .isEqualTo("tối thiểu " + missed.get("required").asText().substring(3) + " điểm");
        Files.write(SCREENSHOTS.resolve("report-card.png"), card.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theChartHasABarGroupPerDistrictMatchingTheSummary() {
        for (Report report : List.of(sample, districts)) {
            open(report);
            List<WebElement> groups = browser.findElements(By.cssSelector("svg[data-testid='chart'] g.bar-group"));
            List<WebElement> rows = browser.findElements(By.cssSelector("table[data-testid='summary'] tbody tr"));
            assertThat(groups).hasSize(rows.size())
                    .hasSize((int) report.decidedInput().stream().map(n -> n.get("district").asText()).distinct().count());
            for (int i = 0; i < groups.size(); i++) {
                WebElement group = groups.get(i);
                assertThat(group.getAttribute("data-district")).isEqualTo(rows.get(i).getAttribute("data-district"));
                long bars = group.findElements(By.tagName("rect")).stream()
                        .mapToLong(r -> Long.parseLong(r.getAttribute("data-count"))).sum();
                assertThat(String.valueOf(bars)).isEqualTo(
                        rows.get(i).findElement(By.cssSelector("[data-testid='district-total']")).getText().trim());
                assertThat(group.getRect().getWidth()).as("the bar is drawn").isPositive();
            }
            assertThat(browser.findElements(By.cssSelector("[data-testid='legend'] li")))
                    .hasSize(report.json().at("/summary/titles").size());
        }
    }

    /** Rows of the per-title table of a title: its awardees or its near misses, as a reader sees them. */
    private static List<WebElement> rollRows(String title, String table) {
        return browser.findElements(By.cssSelector("section[data-title='" + title + "'] table[data-testid='" + table + "'] tbody tr"));
    }

    @Test
    void theMeetingLayoutHasATablePerTitleOfItsAwardeesThenItsNearMisses() throws Exception {
        open(sample);
        JsonNode json = sample.json();
        List<WebElement> sections = browser.findElements(By.cssSelector("section[data-testid='title-table']"));
        assertThat(sections).extracting(e -> e.getAttribute("data-title"))
                .containsExactlyElementsOf(() -> json.at("/summary/titles").fieldNames());
        for (var title : (Iterable<Map.Entry<String, JsonNode>>) json.at("/summary/titles")::fields) {
            List<String> holders = new ArrayList<>();
            List<String> nearMisses = new ArrayList<>();
            for (JsonNode d : json.get("decisions")) {
                for (JsonNode a : d.get("awards")) if (a.get("title").asText().equals(title.getKey())) holders.add(d.get("id").asText());
                for (JsonNode m : d.get("notAwarded")) {
                    if (m.get("title").asText().equals(title.getKey()) && m.get("failed").size() == 1) nearMisses.add(d.get("id").asText());
                }
            }
            assertThat(rollRows(title.getKey(), "awardees")).extracting(r -> r.getAttribute("data-id")).as(title.getKey())
                    .containsExactlyInAnyOrderElementsOf(holders).hasSize(title.getValue().asInt());
            assertThat(rollRows(title.getKey(), "near-misses")).extracting(r -> r.getAttribute("data-id")).as(title.getKey())
                    .containsExactlyInAnyOrderElementsOf(nearMisses);
        }
        WebElement sixth = rollRows("CITY_MODEL", "near-misses").stream()
                .filter(r -> r.getAttribute("data-id").equals("GL-2024-007")).findFirst().orElseThrow();
        assertThat(sixth.getAttribute("data-criterion")).isEqualTo("district-quota");
        assertThat(sixth.findElement(By.cssSelector(".crit")).getText()).isEqualTo("Chỉ tiêu của huyện");
        assertThat(sixth.findElement(By.cssSelector(".actual")).getText()).isEqualTo("xếp thứ 6 trong Gia Lâm");
        assertThat(sixth.findElement(By.cssSelector(".required")).getText()).isEqualTo("xếp thứ 3 trở lên (chỉ tiêu của huyện)");
        assertThat(browser.findElements(By.cssSelector("[data-testid='card']"))).as("no cards unless asked for").isEmpty();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('titles').scrollIntoView()");
        Files.write(SCREENSHOTS.resolve("report-titles.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.get(OUT.resolve("report-en.html").toUri().toString());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("#titles h2")).getText()).isEqualTo("Results by title");
        assertThat(browser.findElement(By.cssSelector("[data-testid='counter']")).getText()).startsWith("showing");
        ((JavascriptExecutor) browser).executeScript("document.querySelector(\"[data-testid='near-misses']\").scrollIntoView()");
        Files.write(SCREENSHOTS.resolve("report-en.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The page at a phone's width: nothing sticks out of the page or of its panel (tables scroll inside theirs). */
    @Test
    void atPhoneWidthNothingOverflows() throws Exception {
        for (Report report : List.of(sample, sampleCards)) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
            try {
                open(report);
                JavascriptExecutor page = browser;
                assertThat(((Number) page.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as(report.url() + ": the page is no wider than the phone").isLessThanOrEqualTo(360);
                @SuppressWarnings("unchecked")
                List<String> sticking = (List<String>) page.executeScript("""
                        const out = [];
                        const check = (e, box) => {
                          const r = e.getBoundingClientRect();
                          if (r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5))
                            out.push((e.id || e.className || e.tagName) + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
                        };
                        const view = {left: 0, right: document.documentElement.clientWidth};
                        document.querySelectorAll('section.panel, article.card, header, nav').forEach(p => check(p, view));
                        document.querySelectorAll('section.panel').forEach(panel => {
                          const box = panel.getBoundingClientRect();
                          panel.querySelectorAll('*').forEach(e => {
                            if (e.closest('.scroll') || e.closest('svg')) return;
                            check(e, box);
                          });
                        });
                        return out;""");
                assertThat(sticking).as(report.url() + ": elements wider than their panel at 360 px").isEmpty();
                for (String id : List.of("legend", "filter-title", "filter-district", "filter-text")) {
                    Number right = (Number) page.executeScript("return document.querySelector(\"[data-testid='" + id
                            + "']\").getBoundingClientRect().right");
                    assertThat(right.doubleValue()).as(id).isLessThanOrEqualTo(360);
                }
                if (report == sample) {
                    screenshotAt("report-360.png", 360, 2400);
                    page.executeScript("document.getElementById('titles').scrollIntoView()");
                    Files.write(SCREENSHOTS.resolve("report-360-titles.png"), browser.getScreenshotAs(OutputType.BYTES));
                } else {
                    page.executeScript("document.querySelector(\"[data-testid='card']:not(.awarded)\").scrollIntoView()");
                    Files.write(SCREENSHOTS.resolve("report-360-card.png"), browser.getScreenshotAs(OutputType.BYTES));
                }
            } finally {
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    private static void screenshotAt(String file, int width, int maxHeight) throws Exception {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("x", 0);
        clip.put("y", 0);
        clip.put("width", width);
        clip.put("height", Math.min(height.intValue(), maxHeight));
        clip.put("scale", 1);
        Map<String, Object> result = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(file), Base64.getDecoder().decode((String) result.get("data")));
    }

    /** The page printed on A4 by Chromium, as a PDF; its pages are counted and, where pdftoppm is installed, drawn as PNGs. */
    private static int printedPages(Report report, String name) throws Exception {
        browser.get(report.url());
        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
                Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true, "preferCSSPageSize", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Path file = SCREENSHOTS.resolve(name + ".pdf");
        Files.write(file, bytes);
        int pages = (int) java.util.regex.Pattern.compile("/Type\\s*/Page(?![s\\w])")
                .matcher(new String(bytes, StandardCharsets.ISO_8859_1)).results().count();
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        if (Files.isExecutable(pdftoppm)) {
            Process draw = new ProcessBuilder(pdftoppm.toString(), "-r", "60", "-png", file.toString(),
                    SCREENSHOTS.resolve(name + "-page").toString()).redirectErrorStream(true).start();
            draw.getInputStream().readAllBytes();
            draw.waitFor(60, TimeUnit.SECONDS);
        }
        Files.writeString(OUT.resolve(name + ".pages"), pages + "\n");
        return pages;
    }

    @Test
    void printingOnA4GivesTheMeetingLayoutOnAtMostTwelvePages() throws Exception {
        open(sample);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("controls")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("list")).isDisplayed()).as("the list is for the screen").isFalse();
            assertThat(browser.findElement(By.id("titles")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("table[data-testid='awardees'] tbody tr")).getCssValue("break-inside"))
                    .isEqualTo("avoid");
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 794, "height", 1123, "deviceScaleFactor", 1, "mobile", false));
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(SCREENSHOTS.resolve("report-print.png"), Base64.getDecoder().decode((String) shot.get("data")));
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            assertThat(printedPages(sample, "report-print")).as("A4 pages of the sample's report").isBetween(2, 12);
            browser.get(sampleCards.url());
            assertThat(browser.findElements(By.cssSelector("article.card")).get(0).getCssValue("break-inside")).isEqualTo("avoid");
            assertThat(printedPages(sampleCards, "report-cards-print")).as("with every card").isGreaterThan(12);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void namesThatLookLikeMarkupStayText() throws Exception {
        // an alert from the page would fail the next command with UnhandledAlertException
        open(names);
        JavascriptExecutor page = browser;
        assertThat(((Number) page.executeScript("return document.scripts.length")).intValue()).as("the page's own script only").isEqualTo(1);
        assertThat(((Number) page.executeScript("return document.images.length")).intValue()).isZero();
        assertThat(((Number) page.executeScript("return document.querySelectorAll('[onerror]').length")).intValue()).isZero();
        assertThat(shown()).as("the script still runs").isEqualTo(names.json().get("decisions").size());
        for (String name : List.of(SCRIPT_NAME, IMG_NAME)) {
            String id = names.input().entrySet().stream().filter(e -> e.getValue().get("name").asText().equals(name))
                    .findFirst().orElseThrow().getKey();
            WebElement card = browser.findElement(By.id(DecisionHtmlWriter.cardId(id)));
            assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo(id + name);
            assertThat(browser.findElement(By.cssSelector("#nominations tr[data-id='" + id + "']")).getAttribute("data-name"))
                    .isEqualTo(name);
        }
        WebElement search = browser.findElement(By.id("filter-text"));
        search.sendKeys("onerror");
        assertThat(shown()).as("the name is searched as text").isEqualTo(1);
        screenshot("report-names.png", 1600);
    }

    @Test
    void theImpactPageShowsTheCountsPerTitleAndEachNominationThatChanges() throws Exception {
        browser.get(impact.url());
        JsonNode json = impact.json();
        List<WebElement> rows = browser.findElements(By.cssSelector("table:nth-of-type(2) tr"));
        assertThat(rows).hasSize(json.get("titles").size() + 1);
        for (JsonNode title : json.get("titles")) {
            WebElement row = rows.stream().filter(r -> title.get("title").asText().equals(r.getAttribute("data-title")))
                    .findFirst().orElseThrow(() -> new AssertionError("no row for " + title.get("title")));
            List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            assertThat(cells.get(0)).startsWith(title.get("nameVi").asText());
            assertThat(cells.subList(1, 5)).as(title.get("title").asText()).containsExactly(
                    title.get("inBase").asBoolean() ? title.get("before").asText() : "—",
                    title.get("inChanged").asBoolean() ? title.get("after").asText() : "—",
                    title.get("gained").asInt() > 0 ? "+" + title.get("gained").asText() : "0",
                    title.get("lost").asInt() > 0 ? "−" + title.get("lost").asText() : "0");
        }
        int changes = json.get("titleChanges").size() + json.get("reasonChanges").size();
        assertThat(changes).isPositive();
        assertThat(browser.findElements(By.cssSelector("div.card"))).hasSize(changes);
        for (JsonNode change : json.get("titleChanges")) {
            WebElement card = browser.findElement(By.id(change.get("id").asText()));
            assertThat(card.isDisplayed()).isTrue();
            assertThat(card.findElement(By.tagName("h3")).getText()).contains(change.get("name").asText());
            for (JsonNode lost : change.get("lost")) {
                String name = null;
                for (JsonNode t : json.get("titles")) if (t.get("title").asText().equals(lost.asText())) name = t.get("nameVi").asText();
                assertThat(card.findElement(By.cssSelector(".loss")).getText()).as("the title's name, not its code").contains(name);
            }
            JsonNode score = change.get("score");
            boolean scoreChanges = score != null && score.isObject() && !score.get("before").equals(score.get("after"));
            assertThat(card.findElements(By.tagName("li"))).as("a line for each outcome, title removed and score changed")
                    .hasSize(change.get("outcomes").size() + change.get("titlesRemoved").size() + (scoreChanges ? 1 : 0));
        }
        screenshot("impact.png", 2600);
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector("div.card")).getCssValue("break-inside")).isEqualTo("avoid");
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 794, "height", 1123, "deviceScaleFactor", 1, "mobile", false));
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(SCREENSHOTS.resolve("impact-print.png"), Base64.getDecoder().decode((String) shot.get("data")));
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
