package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.Batch;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.bench.BatchFormat;
import dvk.bench.BatchGenerator;
import dvk.io.BatchReader;
import dvk.regression.Fixture;
import dvk.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions report as a page: self-contained, escaped, byte-identical. What it shows is tested
 * on its view (ReportViewTest) and in a browser (ReportBrowserIT).
 */
class DecisionHtmlWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Evaluation sample;
    private static Evaluation rejects;
    private static Evaluation districts;

    @BeforeAll
    static void evaluate() throws Exception {
        Evaluator evaluator = new Evaluator(TestRules.standard());
        sample = evaluator.evaluate(BatchReader.read(Path.of("fixtures/samples/gia-lam-2024.json")));
        rejects = evaluator.evaluate(Fixture.load(Path.of("fixtures/regression/rejects-2024.json")).batch());
        districts = evaluator.evaluate(Fixture.load(Path.of("fixtures/regression/quota-2024.json")).batch());
    }

    private static String html(Evaluation evaluation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionHtmlWriter.write(evaluation, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String html(Evaluation evaluation, Words words, Cards cards) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionHtmlWriter.write(evaluation, words, cards, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long count(String html, String regex) {
        return Pattern.compile(regex).matcher(html).results().count();
    }

    @Test
    void thePageFetchesNothing() throws Exception {
        for (Evaluation evaluation : List.of(sample, rejects, districts)) {
            String html = html(evaluation);
            assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">")
                    .endsWith("</body>\n</html>\n");
            assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                    .doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face")
                    .doesNotContainPattern("(?i)(src|href|action)\\s*=\\s*\"?\\s*//")
                    .doesNotContainPattern("(?i)<(script|img|iframe|embed|object|video|audio)[^>]*\\ssrc=");
            assertThat(count(html, "<script")).as("one inline script").isEqualTo(1);
            assertThat(html).contains("<style>\n" + Assets.text("card.css") + Assets.text("report.css") + "</style>\n")
                    .contains("<script>\n" + Assets.text("report.js") + "</script>\n");
        }
    }

    @Test
    void theViewIsWhatThePageShows() throws Exception {
        ReportView view = ReportView.of(rejects, Words.vietnamese(), Cards.ALL);
        String html = html(rejects, Words.vietnamese(), Cards.ALL);
        assertThat(html).contains("<span data-testid=\"year\">" + view.year() + "</span>")
                .contains("<code data-testid=\"fingerprint\">" + view.ruleSet().fingerprint() + "</code>");
        for (ReportView.Stat stat : view.stats()) {
            assertThat(html).contains("<b data-testid=\"" + stat.testId() + "\">" + stat.shown() + "</b>");
        }
        assertThat(count(html, "data-testid=\"title-table\"")).isEqualTo(view.titles().size());
        for (TitleTableView table : view.titles()) {
            for (TitleTableView.Entry e : table.awardees()) {
                assertThat(html).contains("<tr data-id=\"" + e.id() + "\"><td class=\"n num\">" + e.number() + "</td><td class=\"who\">"
                        + "<a class=\"mono\" href=\"#" + e.anchor() + "\">" + e.id() + "</a> ");
            }
            for (TitleTableView.NearMiss near : table.nearMisses()) {
                assertThat(html).contains("<td class=\"crit\">" + near.criterionName() + "</td><td class=\"actual\"");
            }
        }
        assertThat(count(html, "data-testid=\"card\"")).isEqualTo(view.cards().size());
        assertThat(count(html, "<tr( class=\"odd\")? data-index=\"\\d+\" data-id=")).isEqualTo(view.rows().size());
        assertThat(count(html, "data-testid=\"rejected-record\"")).isEqualTo(view.rejected().size());
        assertThat(count(html, "<g class=\"bar-group\"")).isEqualTo(view.chart().bars().size());
        for (CardView card : view.cards()) {
            assertThat(html).contains("<article class=\"card" + (card.awarded() ? " awarded" : "") + "\" id=\""
                    + card.anchor() + "\" data-testid=\"card\" data-id=\"" + card.id() + "\">");
            assertThat(html).contains("<a href=\"#" + card.anchor() + "\">" + card.id() + "</a>");
        }
        RejectedView first = view.rejected().get(0);
        assertThat(html).contains("<tr id=\"rejected-" + first.index() + "\" data-testid=\"rejected-record\" data-index=\""
                + first.index() + "\"");
    }

    @Test
    void theRowsAreStripedAsTheScriptStripesThem() throws Exception {
        String html = html(sample);
        Matcher rows = Pattern.compile("<tr( class=\"odd\")? data-index=\"(\\d+)\"").matcher(html);
        int n = 0;
        while (rows.find()) {
            assertThat(rows.group(1) != null).as("row " + n).isEqualTo(n % 2 == 1);
            n++;
        }
        assertThat(n).isEqualTo(sample.decisions().size());
    }

    /** The sample batch with its first nominations' texts replaced: the input is where names come from. */
    private static Evaluation sampleWith(String... fieldsAndValues) throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(Path.of("fixtures/samples/gia-lam-2024.json").toFile());
        for (int i = 0; i < fieldsAndValues.length; i += 3) {
            ((ObjectNode) batch.get("nominations").get(Integer.parseInt(fieldsAndValues[i])))
                    .put(fieldsAndValues[i + 1], fieldsAndValues[i + 2]);
        }
        return new Evaluator(TestRules.standard()).evaluate(BatchReader.readJson(new ByteArrayInputStream(JSON.writeValueAsBytes(batch))));
    }

    @Test
    void namesFromTheInputCannotBreakOutOfThePage() throws Exception {
        String script = "</script><script>alert(1)</script>";
        String img = "\"><img src=x onerror=alert(1)>";
        String id = "X<1>&\"' #";
        Evaluation evaluation = sampleWith("0", "name", script, "0", "district", "A&B <Huyện>", "0", "commune", img,
                "1", "id", id, "1", "name", img, "1", "sponsor", "'><svg onload=alert(1)>");
        ReportView view = ReportView.of(evaluation, Words.vietnamese(), Cards.ALL);
        assertThat(view.card("GL-2024-001").name()).as("the view holds the text; the template escapes it").isEqualTo(script);
        String html = html(evaluation, Words.vietnamese(), Cards.ALL);
        assertThat(count(html, "<script")).as("only the page's own script").isEqualTo(1);
        assertThat(count(html, "</script>")).isEqualTo(1);
        assertThat(html).doesNotContain("<img").doesNotContain("<svg onload").doesNotContain("<Huyện>")
                .doesNotContain("A&B");
        // element text: < > & escaped
        assertThat(html).contains("<td class=\"name\">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>")
                .contains("<td class=\"name\">\"&gt;&lt;img src=x onerror=alert(1)&gt;</td>")
                .contains("A&amp;B &lt;Huyện&gt;");
        // attributes: quotes escaped too, so that a value never ends its attribute
        assertThat(html).contains("data-name=\"&#34;>&lt;img src=x onerror=alert(1)>\"")
                .contains("data-id=\"X&lt;1>&amp;&#34;&#39; #\"");
        Matcher attributes = Pattern.compile("\\s[a-z-]+=\"([^\"]*)\"").matcher(html);
        while (attributes.find()) {
            assertThat(attributes.group(1)).doesNotContain("<").doesNotContain("'");
        }
        String cardId = DecisionHtmlWriter.cardId(id);
        assertThat(cardId).matches("card-[A-Za-z0-9_-]+").isEqualTo("card-X_3c_1_3e__26__22__27__20__23_");
        assertThat(DecisionHtmlWriter.cardId("X_3c_")).isNotEqualTo(DecisionHtmlWriter.cardId("X<"));
        assertThat(html).contains("id=\"" + cardId + "\"").contains("href=\"#" + cardId + "\"");
    }

    @Test
    void printingKeepsCardsAndRowsWholeAndHidesTheControlsAndTheList() throws Exception {
        String css = Assets.text("report.css");
        Matcher print = Pattern.compile("(?s)@media print\\{(.*?)\n\\}").matcher(css);
        assertThat(print.find()).as("a print style").isTrue();
        assertThat(print.group(1)).contains("@page{size:A4")
                .containsPattern("tr,article\\.card[^{]*\\{break-inside:avoid;page-break-inside:avoid\\}")
                .containsPattern("\\.controls[^{]*\\{display:none")
                .containsPattern("#list[^{]*\\{display:none");
        assertThat(html(sample, Words.vietnamese(), Cards.ALL)).contains(print.group(1)).contains("<article class=\"card");
    }

    @Test
    void theDefaultPageIsVietnameseWithTheTitleTablesAndNoCards() throws Exception {
        String html = html(sample);
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">")
                .contains("<h2>Kết quả theo danh hiệu</h2>").contains("data-testid=\"near-misses\"")
                .contains("<td class=\"actual\" data-label=\"Thực tế\">xếp thứ 6 trong Gia Lâm</td>")
                .doesNotContain("data-testid=\"card\"").doesNotContain("id=\"details\"").doesNotContain("href=\"#card-")
                .doesNotContain("class=\"en\"").doesNotContain("&gt;= ");
        String english = html(sample, Words.english(), Cards.MISSED);
        assertThat(english).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<h2>Results by title</h2>").contains("rank 6 in Gia Lâm")
                .doesNotContain("Kết quả").doesNotContain("Tiêu chí");
        assertThat(count(english, "data-testid=\"card\"")).isEqualTo(sample.decisions().stream().filter(d -> d.awards().isEmpty()).count());
    }

    /**
     * A batch of 10,000 generated records (the benchmark's generator) gives a page under 15 MB by
     * default; every card would weigh several times that, which is why they are on request.
     */
    @Test
    void aPageOfTenThousandRecordsIsUnderFifteenMegabytes() throws Exception {
        StringWriter generated = new StringWriter();
        new BatchGenerator(2024, 1).write(10_000, BatchFormat.JSON, generated);
        Evaluation big = new Evaluator(TestRules.standard()).evaluate(BatchReader.readJson(
                new ByteArrayInputStream(generated.toString().getBytes(StandardCharsets.UTF_8))));
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        DecisionHtmlWriter.write(big, page);
        assertThat(page.size()).as("bytes of the default page of 10,000 records").isLessThan(15 * 1024 * 1024);
        String html = page.toString(StandardCharsets.UTF_8);
        assertThat(html).contains("<b data-testid=\"count-records\">10.000</b>");
        assertThat(count(html, "<tr class=\"odd\" data-index=|<tr data-index=")).isEqualTo(big.decisions().size());
    }

    @Test
    void theSameEvaluationGivesTheSameBytes() throws Exception {
        Batch batch = BatchReader.read(Path.of("fixtures/samples/gia-lam-2024.json"));
        String one = html(new Evaluator(TestRules.standard(), 1).evaluate(batch));
        String two = html(new Evaluator(TestRules.standard(), 2).evaluate(batch));
        assertThat(one).isEqualTo(two).isEqualTo(html(sample)).doesNotContain("\r");
    }

    @Test
    void aBatchWithEveryRecordRejectedStillGivesAPage() throws Exception {
        Batch batch = BatchReader.readJson(new ByteArrayInputStream(
                "{\"year\": 2024, \"nominations\": [{\"id\": \"B-1\", \"type\": \"MODEL\"}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        String html = html(new Evaluator(TestRules.standard()).evaluate(batch));
        assertThat(html).contains("<b data-testid=\"count-decided\">0</b>")
                .contains("data-testid=\"rejected-record\" data-index=\"0\" data-id=\"B-1\"")
                .doesNotContain("class=\"bar-group\"").doesNotContain("data-testid=\"card\"").endsWith("</html>\n");
    }
}
