package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.domain.Batch;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchReader;
import dvk.report.DecisionJsonWriter;
import dvk.regression.Fixture;
import dvk.testing.NominationBuilder;
import dvk.testing.TestRules;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    private static JsonNode json(Evaluation evaluation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionJsonWriter.write(evaluation, out);
        return JSON.readTree(out.toByteArray());
    }

    /** The number in the element marked {@code data-testid="ID"}. */
    private static long testId(String html, String id) {
        Matcher m = Pattern.compile("data-testid=\"" + Pattern.quote(id) + "\"[^>]*>(?:<b>)?(\\d+)<").matcher(html);
        assertThat(m.find()).as("an element with data-testid=" + id).isTrue();
        long value = Long.parseLong(m.group(1));
        assertThat(m.find()).as("only one element with data-testid=" + id).isFalse();
        return value;
    }

    private static String card(String html, String nominationId) {
        int start = html.indexOf("<article class=\"card");
        int at = html.indexOf("id=\"" + DecisionHtmlWriter.cardId(nominationId) + "\"", start);
        assertThat(at).as("a card for " + nominationId).isPositive();
        return html.substring(at, html.indexOf("</article>", at));
    }

    @Test
    void thePageFetchesNothing() throws Exception {
        for (Evaluation evaluation : List.of(sample, rejects, districts)) {
            String html = html(evaluation);
            assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"vi\">").contains("<meta charset=\"utf-8\">");
            assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("<link")
                    .doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face")
                    .doesNotContainPattern("(?i)(src|href|action)\\s*=\\s*\"?\\s*//")
                    .doesNotContainPattern("(?i)<(script|img|iframe|embed|object|video|audio)[^>]*\\ssrc=");
            assertThat(Pattern.compile("<script").matcher(html).results().count()).as("one inline script").isEqualTo(1);
            assertThat(html).containsPattern("(?s)<style>.+</style>").containsPattern("(?s)<script>.+</script>");
        }
    }

    @Test
    void headerAndSummaryTotalsAreThoseOfTheJson() throws Exception {
        for (Evaluation evaluation : List.of(sample, rejects, districts)) {
            String html = html(evaluation);
            JsonNode json = json(evaluation);
            assertThat(testId(html, "year")).isEqualTo(json.get("year").asLong());
            assertThat(html).contains("data-testid=\"fingerprint\">" + json.at("/rules/fingerprint").asText() + "<");
            assertThat(html).contains("data-testid=\"source\">" + json.at("/rules/source").asText() + "<");
            assertThat(testId(html, "count-records")).isEqualTo(json.at("/summary/records").asLong());
            assertThat(testId(html, "count-decided")).isEqualTo(json.at("/summary/decided").asLong());
            assertThat(testId(html, "count-rejected")).isEqualTo(json.at("/summary/rejected").asLong());
            assertThat(testId(html, "summary-nominations")).isEqualTo(json.at("/summary/decided").asLong());
            long all = 0;
            for (var title : (Iterable<Map.Entry<String, JsonNode>>) json.at("/summary/titles")::fields) {
                assertThat(testId(html, "summary-total-" + title.getKey())).as(title.getKey())
                        .isEqualTo(title.getValue().asLong());
                all += title.getValue().asLong();
            }
            assertThat(testId(html, "summary-total")).isEqualTo(all);
            assertThat(testId(html, "count-awards")).isEqualTo(all);
        }
    }

    @Test
    void everyDistrictHasASummaryRowAndABarAddingUpToItsTitles() throws Exception {
        String html = html(districts);
        TitleSummary summary = TitleSummary.of(districts);
        assertThat(summary.districts()).containsExactly("Gia lâm", "Gia Lâm", "Long Biên");
        Matcher groups = Pattern.compile("(?s)<g class=\"bar-group\" data-district=\"([^\"]*)\">(.*?)</g>").matcher(html);
        Map<String, Long> bars = new HashMap<>();
        while (groups.find()) {
            long sum = Pattern.compile("data-count=\"(\\d+)\"").matcher(groups.group(2)).results()
                    .mapToLong(r -> Long.parseLong(r.group(1))).sum();
            assertThat(bars.put(groups.group(1), sum)).as("one bar group for " + groups.group(1)).isNull();
        }
        assertThat(bars).hasSize(3);
        for (String district : summary.districts()) {
            assertThat(bars.get(district)).as(district).isEqualTo(summary.districtTotal(district));
            assertThat(html).containsPattern("<tr( class=\"odd\")? data-district=\"" + Pattern.quote(district)
                    + "\"><th scope=\"row\">" + Pattern.quote(district) + "</th><td class=\"n\">"
                    + summary.nominations(district) + "</td>");
            assertThat(html).contains("<option value=\"" + district + "\">");
        }
    }

    @Test
    void everyDecisionHasARowAndACardAndEveryRejectedRecordIsListedWithItsErrors() throws Exception {
        assertThat(rejects.rejected()).isNotEmpty();
        String html = html(rejects);
        JsonNode json = json(rejects);
        for (JsonNode decision : json.get("decisions")) {
            String id = decision.get("id").asText();
            String card = card(html, id);
            assertThat(card).contains("data-id=\"" + DecisionHtmlWriter.esc(id) + "\"")
                    .contains(DecisionHtmlWriter.esc(decision.get("name").asText()));
            assertThat(html).contains("<a href=\"#" + DecisionHtmlWriter.cardId(id) + "\">");
            for (JsonNode award : decision.get("awards")) {
                assertThat(card).contains("<code>" + award.get("rule").asText() + "</code>")
                        .contains(DecisionHtmlWriter.esc(award.get("cite").asText()));
            }
        }
        assertThat(Pattern.compile("data-testid=\"card\"").matcher(html).results().count())
                .isEqualTo(json.get("decisions").size());
        assertThat(Pattern.compile("<tr( class=\"odd\")? data-index=\"\\d+\" data-id=").matcher(html).results().count())
                .as("table rows of decisions").isEqualTo(json.get("decisions").size());
        assertThat(testId(html, "rejected-count")).isEqualTo(json.get("rejected").size());
        for (JsonNode rejected : json.get("rejected")) {
            Matcher row = Pattern.compile("(?s)<tr[^>]* data-testid=\"rejected-record\" data-index=\""
                    + rejected.get("index").asInt() + "\" data-id=\"([^\"]*)\">(.*?)</tr>").matcher(html);
            assertThat(row.find()).as("rejected record " + rejected.get("index")).isTrue();
            assertThat(row.group(1)).isEqualTo(DecisionHtmlWriter.esc(rejected.path("id").asText(null)));
            for (JsonNode error : rejected.get("errors")) {
                assertThat(row.group(2)).contains("<code>" + DecisionHtmlWriter.esc(error.get("field").asText()) + "</code>: "
                        + DecisionHtmlWriter.esc(error.get("message").asText()));
            }
        }
    }

    @Test
    void aMissedTitleShowsEachFailedCriterionWithActualAndRequired() throws Exception {
        String card = card(html(sample), "GL-2024-001");
        assertThat(card).contains("<div class=\"missed\" data-title=\"CITY_MODEL\">");
        assertThat(card).contains("<tr data-criterion=\"min-score\"><td><code>min-score</code></td>"
                + "<td class=\"actual\">75</td><td class=\"required\">&gt;= 80</td>"
                + "<td><code>city-model.min-score</code></td><td>dvk reference policy (100-point scale)</td></tr>");
        assertThat(card).contains("<td class=\"actual\">CITY_MODEL not awarded</td>"
                + "<td class=\"required\">CITY_MODEL awarded this year</td>");
        assertThat(card).contains("data-testid=\"card-score\"><b>75</b>");
        assertThat(card).contains("Thời gian duy trì<span class=\"sub\">months</span>");
        assertThat(card).contains("<li data-title=\"DISTRICT_GIAY_KHEN\"").contains("<code>district-giay-khen</code>");
    }

    @Test
    void namesAreEscapedEverywhere() throws Exception {
        String nasty = "<script>alert(\"x\")</script> & 'Tổ' \"Dân vận\"";
        String id = "X<1>&\"' #";
        Evaluation evaluation = TestRules.evaluate(NominationBuilder.model(id).name(nasty).district("A&B <Huyện>"));
        String html = html(evaluation);
        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tổ&#39; &quot;Dân vận&quot;";
        assertThat(html).doesNotContain("<script>alert").doesNotContain("A&B").doesNotContain("<Huyện>")
                .contains(escaped).contains("data-name=\"" + escaped + "\"")
                .contains("A&amp;B &lt;Huyện&gt;").contains("data-id=\"X&lt;1&gt;&amp;&quot;&#39; #\"");
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(1);
        String cardId = DecisionHtmlWriter.cardId(id);
        assertThat(cardId).matches("card-[A-Za-z0-9_-]+").isEqualTo("card-X_3c_1_3e__26__22__27__20__23_");
        assertThat(DecisionHtmlWriter.cardId("X_3c_")).isNotEqualTo(DecisionHtmlWriter.cardId("X<"));
        assertThat(html).contains("id=\"" + cardId + "\"").contains("href=\"#" + cardId + "\"");
    }

    @Test
    void vietnameseAndItsEnglishGlossesAreIntact() throws Exception {
        String html = html(sample);
        assertThat(html).contains("<title>Kết quả xét danh hiệu “Dân vận khéo” năm 2024")
                .contains("Tổng hợp danh hiệu theo huyện <span class=\"en\">· Summary of titles by district</span>")
                .contains("Mô hình &quot;Dân vận khéo&quot; tiêu biểu cấp huyện<span class=\"en\">District-level typical"
                        + " &quot;Skilled Mass Mobilization&quot; model</span>")
                .contains("Bằng khen của Chủ tịch UBND thành phố")
                .contains("Làng gốm Bát Tràng")
                .contains("Gia Lâm");
    }

    @Test
    void printingKeepsCardsAndRowsWholeAndHidesTheControls() throws Exception {
        String html = html(sample);
        Matcher print = Pattern.compile("(?s)@media print\\{(.*?)\n\\}").matcher(html);
        assertThat(print.find()).as("a print style").isTrue();
        assertThat(print.group(1)).contains("@page{size:A4")
                .containsPattern("tr,article\\.card[^{]*\\{break-inside:avoid;page-break-inside:avoid\\}")
                .containsPattern("\\.controls[^{]*\\{display:none");
        assertThat(html).contains("<article class=\"card");
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
        Batch batch = BatchReader.readJson(new java.io.ByteArrayInputStream(
                "{\"year\": 2024, \"nominations\": [{\"id\": \"B-1\", \"type\": \"MODEL\"}]}"
                        .getBytes(StandardCharsets.UTF_8)));
        Evaluation evaluation = new Evaluator(TestRules.standard()).evaluate(batch);
        assertThat(evaluation.decisions()).isEmpty();
        String html = html(evaluation);
        assertThat(testId(html, "count-decided")).isZero();
        assertThat(testId(html, "rejected-count")).isEqualTo(1);
        assertThat(html).contains("data-testid=\"rejected-record\" data-index=\"0\" data-id=\"B-1\"")
                .doesNotContain("class=\"bar-group\"").doesNotContain("data-testid=\"card\"").endsWith("</html>\n");
    }

    @Test
    void chartTicksAreRoundAndLabelsReadOnTheirBar() {
        assertThat(DecisionHtmlWriter.niceStep(1)).isEqualTo(1);
        assertThat(DecisionHtmlWriter.niceStep(6)).isEqualTo(1);
        assertThat(DecisionHtmlWriter.niceStep(12)).isEqualTo(2);
        assertThat(DecisionHtmlWriter.niceStep(53)).isEqualTo(10);
        assertThat(DecisionHtmlWriter.niceStep(400)).isEqualTo(100);
        assertThat(DecisionHtmlWriter.labelInk("#0072B2")).isEqualTo("#ffffff");
        assertThat(DecisionHtmlWriter.labelInk("#E69F00")).isEqualTo("#1f2630");
    }
}
