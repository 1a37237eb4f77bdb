package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchReader;
import dvk.report.DecisionJsonWriter;
import dvk.regression.Fixture;
import dvk.report.Words.Label;
import dvk.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the decisions report shows, read from its view: the page is this view laid out by report.jte. */
class ReportViewTest {
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

    private static JsonNode json(Evaluation evaluation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecisionJsonWriter.write(evaluation, out);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void headerAndSummaryTotalsAreThoseOfTheJson() throws Exception {
        for (Evaluation evaluation : List.of(sample, rejects, districts)) {
            ReportView view = ReportView.of(evaluation);
            JsonNode json = json(evaluation);
            assertThat(view.year()).isEqualTo(json.get("year").asInt());
            assertThat(view.ruleSet().fingerprint()).isEqualTo(json.at("/rules/fingerprint").asText());
            assertThat(view.ruleSet().source()).isEqualTo(json.at("/rules/source").asText());
            assertThat(view.stat("count-records").value()).isEqualTo(json.at("/summary/records").asLong());
            assertThat(view.stat("count-decided").value()).isEqualTo(json.at("/summary/decided").asLong());
            assertThat(view.stat("count-rejected").value()).isEqualTo(json.at("/summary/rejected").asLong());
            assertThat(view.summary().nominations()).isEqualTo(json.at("/summary/decided").asLong());
            assertThat(view.decided()).isEqualTo(json.at("/summary/decided").asInt());
            long all = 0;
            List<String> titles = new ArrayList<>();
            for (var title : (Iterable<Map.Entry<String, JsonNode>>) json.at("/summary/titles")::fields) {
                assertThat(view.summary().total(title.getKey())).as(title.getKey()).isEqualTo(title.getValue().asLong());
                all += title.getValue().asLong();
                titles.add(title.getKey());
            }
            assertThat(view.summary().titles()).extracting(TitleView::code).containsExactlyElementsOf(titles);
            assertThat(view.summary().total()).isEqualTo(all);
            assertThat(view.stat("count-awards").value()).isEqualTo(all);
        }
    }

    @Test
    void everyDistrictHasASummaryRowAndABarAddingUpToItsTitles() {
        ReportView view = ReportView.of(districts);
        assertThat(view.summary().rows()).extracting(SummaryView.Row::district)
                .containsExactly("Gia lâm", "Gia Lâm", "Long Biên");
        assertThat(view.chart().bars()).extracting(ChartView.Bar::district)
                .containsExactly("Gia lâm", "Gia Lâm", "Long Biên");
        TitleSummary summary = TitleSummary.of(districts);
        for (SummaryView.Row row : view.summary().rows()) {
            String district = row.district();
            assertThat(row.nominations()).isEqualTo(summary.nominations(district));
            assertThat(row.total()).isEqualTo(summary.districtTotal(district))
                    .isEqualTo(row.counts().stream().mapToLong(SummaryView.Count::count).sum());
            ChartView.Bar bar = view.chart().bar(district);
            assertThat(bar.segments().stream().mapToLong(ChartView.Segment::count).sum()).as(district).isEqualTo(row.total());
            assertThat(bar.total()).isEqualTo(row.total());
            assertThat(bar.segments()).allSatisfy(s -> assertThat(s.count()).isPositive());
        }
    }

    @Test
    void theChartsAxisCoversTheLongestBarInRoundSteps() {
        ChartView chart = ReportView.of(sample).chart();
        assertThat(chart.ticks()).extracting(ChartView.Tick::value).containsExactly(0L, 10L, 20L, 30L, 40L, 50L, 60L);
        assertThat(chart.ticks().get(0).x()).isEqualTo("170");
        assertThat(chart.ticks().get(0).stroke()).as("the axis").isNotEqualTo(chart.ticks().get(1).stroke());
        ChartView.Bar bar = chart.bar("Gia Lâm");
        assertThat(bar.segments()).extracting(ChartView.Segment::title).containsExactly("DISTRICT_MODEL",
                "DISTRICT_GIAY_KHEN", "CITY_MODEL", "CITY_BANG_KHEN", "DISTRICT_WORK_SIGN", "CITY_WORK_SIGN");
        assertThat(bar.segments().get(0).tooltip()).isEqualTo("Gia Lâm — Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện: 27");
        assertThat(bar.segments().get(3).labelX()).as("one title in 60 is too narrow for its number").isNull();
        assertThat(bar.segments().get(0).labelX()).isNotNull();
    }

    @Test
    void everyDecisionHasARowAndACardAndEveryRejectedRecordIsListedWithItsErrors() throws Exception {
        assertThat(rejects.rejected()).isNotEmpty();
        ReportView view = ReportView.of(rejects);
        JsonNode json = json(rejects);
        assertThat(view.rows()).hasSize(json.get("decisions").size());
        assertThat(view.cards()).hasSize(json.get("decisions").size());
        for (JsonNode decision : json.get("decisions")) {
            String id = decision.get("id").asText();
            CardView card = view.card(id);
            RowView row = view.row(id);
            assertThat(card.name()).isEqualTo(row.name()).isEqualTo(decision.get("name").asText());
            assertThat(card.anchor()).isEqualTo(row.anchor()).isEqualTo(DecisionHtmlWriter.cardId(id));
            assertThat(card.awarded()).isEqualTo(!decision.get("awards").isEmpty());
            assertThat(row.awards()).isEqualTo(decision.get("awards").size());
            for (JsonNode award : decision.get("awards")) {
                CardView.AwardView shown = card.award(award.get("title").asText());
                assertThat(shown.rule()).isEqualTo(award.get("rule").asText());
                assertThat(shown.cite()).isEqualTo(award.get("cite").asText());
                assertThat(shown.name().vi()).isEqualTo(award.get("nameVi").asText());
            }
        }
        assertThat(view.rejected()).hasSize(json.get("rejected").size());
        for (JsonNode rejected : json.get("rejected")) {
            RejectedView shown = view.rejectedAt(rejected.get("index").asInt());
            assertThat(shown.id()).isEqualTo(rejected.path("id").asText(null));
            List<RejectedView.Problem> expected = new ArrayList<>();
            rejected.get("errors").forEach(e -> expected.add(new RejectedView.Problem(e.get("field").asText(),
                    e.get("message").asText())));
            assertThat(shown.errors()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aMissedTitleShowsEachFailedCriterionWithActualAndRequired() {
        CardView card = ReportView.of(sample).card("GL-2024-001");
        assertThat(card.missed()).extracting(CardView.MissedView::title).containsExactly("CITY_MODEL", "CITY_BANG_KHEN");
        assertThat(card.missed("CITY_MODEL").criterion("min-score")).isEqualTo(new CardView.Failed("min-score", "75",
                ">= 80", "city-model.min-score", "dvk reference policy (100-point scale)"));
        CardView.Failed cityModel = card.missed("CITY_BANG_KHEN").criterion("city-model-awarded");
        assertThat(cityModel.actual()).isEqualTo("CITY_MODEL not awarded");
        assertThat(cityModel.required()).isEqualTo("CITY_MODEL awarded this year");
        assertThat(card.missed("CITY_BANG_KHEN").name())
                .isEqualTo(new Label("Bằng khen của Chủ tịch UBND thành phố", "Certificate of Merit of the City People's Committee Chairman"));
        assertThat(card.score()).isEqualTo(75);
        assertThat(card.parts()).first().isEqualTo(new CardView.Part("Thời gian duy trì", "months", 20));
        assertThat(card.parts()).extracting(CardView.Part::points).containsExactly(20, 10, 15, 10, 20);
        CardView.AwardView giayKhen = card.award("DISTRICT_GIAY_KHEN");
        assertThat(giayKhen.rule()).isEqualTo("district-giay-khen");
        assertThat(giayKhen.level()).isEqualTo("cấp huyện");
        assertThat(giayKhen.colour()).isEqualTo(TitleView.PALETTE.get(1));
    }

    @Test
    void aCardSaysWhatTheNominationIsInVietnamese() {
        ReportView view = ReportView.of(sample);
        CardView model = view.card("GL-2024-001");
        assertThat(model.typeName()).isEqualTo("Mô hình tập thể");
        assertThat(model.typeGloss()).isEqualTo("model");
        assertThat(model.field()).isEqualTo("Quốc phòng - an ninh");
        assertThat(model.district()).isEqualTo("Gia Lâm");
        assertThat(model.commune()).isEqualTo("Đa Tốn");
        assertThat(model.sponsor()).isEqualTo("Hội Cựu chiến binh xã Đa Tốn");
        assertThat(model.sinceLabel()).isEqualTo("bắt đầu");
        assertThat(model.since()).isEqualTo("2020-05-01");
        RowView work = view.rows().stream().filter(r -> r.type().equals("WORK")).findFirst().orElseThrow();
        assertThat(work.score()).as("a work has no score: sorted last").isEmpty();
        assertThat(work.scoreText()).isEqualTo("—");
        assertThat(work.typeName()).isEqualTo(new Label("Công trình", "work"));
        CardView workCard = view.card(work.id());
        assertThat(workCard.score()).isNull();
        assertThat(workCard.parts()).isEmpty();
        assertThat(workCard.sinceLabel()).isEqualTo("hoàn thành");
    }

    @Test
    void aRowCarriesWhatTheFiltersAndTheSortingRead() {
        ReportView view = ReportView.of(sample);
        RowView row = view.row("GL-2024-001");
        assertThat(row.index()).isZero();
        assertThat(row.titles()).isEqualTo("DISTRICT_MODEL DISTRICT_GIAY_KHEN");
        assertThat(row.score()).isEqualTo("75");
        assertThat(row.search()).isEqualTo("GL-2024-001 Tổ phòng cháy chữa cháy cựu chiến binh thôn Đào Xuyên Đa Tốn Gia Lâm");
        assertThat(row.chips()).extracting(RowView.Chip::name)
                .containsExactly("Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện", "Giấy khen của Chủ tịch UBND huyện");
        assertThat(row.chips().get(0).hint()).isEqualTo("DISTRICT_MODEL · District-level typical \"Skilled Mass Mobilization\" model");
        assertThat(view.types()).extracting(ReportView.Option::value).containsExactly("MODEL", "WORK");
        assertThat(view.columns()).extracting(ReportView.Column::key)
                .containsExactly("id", "name", "type", "district", "score", "awards");
        assertThat(view.columns()).filteredOn(ReportView.Column::numeric).extracting(ReportView.Column::key)
                .containsExactly("score", "awards");
    }

    @Test
    void vietnameseAndItsEnglishGlossesAreIntact() {
        ReportView view = ReportView.of(sample);
        assertThat(view.title()).isEqualTo("Kết quả xét danh hiệu “Dân vận khéo” năm 2024"
                + " · “Skilled Mass Mobilization” award decisions 2024");
        assertThat(view.words().label("summary.heading"))
                .isEqualTo(new Label("Tổng hợp danh hiệu theo huyện", "Summary of titles by district"));
        assertThat(view.summary().titles().get(0).name()).isEqualTo(new Label(
                "Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện", "District-level typical \"Skilled Mass Mobilization\" model"));
        assertThat(view.card("GL-2024-003").name()).isEqualTo("Chi hội nông dân sản xuất rau an toàn thôn Chử Xá");
        assertThat(view.stat("count-awards").label()).isEqualTo(new Label("Danh hiệu được trao", "titles awarded"));
    }

    @Test
    void aBatchWithEveryRecordRejectedStillHasAView() throws Exception {
        Evaluation evaluation = new Evaluator(TestRules.standard()).evaluate(BatchReader.readJson(new ByteArrayInputStream(
                "{\"year\": 2024, \"nominations\": [{\"id\": \"B-1\", \"type\": \"MODEL\"}]}".getBytes(StandardCharsets.UTF_8))));
        ReportView view = ReportView.of(evaluation);
        assertThat(view.decided()).isZero();
        assertThat(view.cards()).isEmpty();
        assertThat(view.chart().bars()).isEmpty();
        assertThat(view.chart().ticks()).extracting(ChartView.Tick::value).containsExactly(0L, 1L);
        assertThat(view.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isZero();
            assertThat(r.id()).isEqualTo("B-1");
            assertThat(r.errors()).isNotEmpty();
        });
    }

    @Test
    void chartTicksAreRoundAndLabelsReadOnTheirBar() {
        assertThat(ChartView.niceStep(1)).isEqualTo(1);
        assertThat(ChartView.niceStep(6)).isEqualTo(1);
        assertThat(ChartView.niceStep(12)).isEqualTo(2);
        assertThat(ChartView.niceStep(53)).isEqualTo(10);
        assertThat(ChartView.niceStep(400)).isEqualTo(100);
        assertThat(ChartView.labelInk("#0072B2")).isEqualTo("#ffffff");
        assertThat(ChartView.labelInk("#E69F00")).isEqualTo("#1f2630");
    }
}
