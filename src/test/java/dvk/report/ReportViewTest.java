package dvk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchReader;
import dvk.report.DecisionJsonWriter;
import dvk.regression.Fixture;
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
        DecisionJsonWriter.write(evaluation, Words.vietnamese(), out);
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
    void everyDecisionHasARowAndACardWhenAllAreAskedForAndEveryRejectedRecordIsListedWithItsErrors() throws Exception {
        assertThat(rejects.rejected()).isNotEmpty();
        ReportView view = ReportView.of(rejects, Words.vietnamese(), Cards.ALL);
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
                assertThat(shown.name()).isEqualTo(award.get("nameVi").asText());
            }
            assertThat(card.missed()).extracting(CardView.MissedView::title)
                    .containsExactlyElementsOf(() -> decision.get("notAwarded").findValuesAsText("title").iterator());
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
    void cardsAreOnRequestNoneMissedOrAll() {
        ReportView none = ReportView.of(sample);
        assertThat(none.cardsShown()).isEqualTo(Cards.NONE);
        assertThat(none.cards()).isEmpty();
        assertThat(none.rows()).allSatisfy(r -> assertThat(r.anchor()).as("no card to link to").isNull());
        assertThat(none.titles()).allSatisfy(t -> assertThat(t.awardees()).allSatisfy(e -> assertThat(e.anchor()).isNull()));

        ReportView missed = ReportView.of(sample, Words.vietnamese(), Cards.MISSED);
        List<String> awardedNothing = sample.decisions().stream().filter(d -> d.awards().isEmpty())
                .map(d -> d.nomination().id()).toList();
        assertThat(awardedNothing).hasSize(25);
        assertThat(missed.cards()).extracting(CardView::id).containsExactlyElementsOf(awardedNothing);
        assertThat(missed.cards()).noneMatch(CardView::awarded);
        for (RowView row : missed.rows()) {
            assertThat(row.anchor() != null).as(row.id()).isEqualTo(awardedNothing.contains(row.id()));
        }
        assertThat(missed.titleTable("CITY_MODEL").nearMiss("GL-2024-008").nomination().anchor())
                .isEqualTo(CardView.anchor("GL-2024-008"));
        assertThat(missed.titleTable("CITY_MODEL").nearMiss("GL-2024-005").nomination().anchor())
                .as("GL-2024-005 holds DISTRICT_MODEL: no card").isNull();

        ReportView all = ReportView.of(sample, Words.vietnamese(), Cards.ALL);
        assertThat(all.cards()).hasSize(sample.decisions().size());
        assertThat(all.rows()).allSatisfy(r -> assertThat(r.anchor()).isEqualTo(CardView.anchor(r.id())));
    }

    @Test
    void eachTitleHasItsAwardeesThenItsNearMissesWithTheirOneFailedCriterion() throws Exception {
        for (Evaluation evaluation : List.of(sample, rejects, districts)) {
            ReportView view = ReportView.of(evaluation);
            JsonNode json = json(evaluation);
            assertThat(view.titles()).extracting(TitleTableView::code)
                    .containsExactlyElementsOf(() -> json.at("/summary/titles").fieldNames());
            for (TitleTableView table : view.titles()) {
                List<String> holders = new ArrayList<>();
                List<String> nearMisses = new ArrayList<>();
                for (JsonNode d : json.get("decisions")) {
                    if (d.get("awards").findValuesAsText("title").contains(table.code())) holders.add(d.get("id").asText());
                    for (JsonNode missed : d.get("notAwarded")) {
                        if (missed.get("title").asText().equals(table.code()) && missed.get("failed").size() == 1) {
                            nearMisses.add(d.get("id").asText());
                        }
                    }
                }
                assertThat(table.awardees()).extracting(TitleTableView.Entry::id).as(table.code())
                        .containsExactlyInAnyOrderElementsOf(holders);
                assertThat(table.awardees()).extracting(TitleTableView.Entry::number)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, holders.size()).boxed().toList());
                assertThat(table.nearMisses()).extracting(n -> n.nomination().id()).as(table.code())
                        .containsExactlyInAnyOrderElementsOf(nearMisses);
                assertThat(table.awardees().size()).isEqualTo(json.at("/summary/titles/" + table.code()).asInt());
            }
        }
        ReportView view = ReportView.of(sample);
        TitleTableView cityModel = view.titleTable("CITY_MODEL");
        assertThat(cityModel.name()).isEqualTo("Mô hình \"Dân vận khéo\" tiêu biểu cấp thành phố");
        assertThat(cityModel.level()).isEqualTo("cấp thành phố");
        assertThat(cityModel.scored()).isTrue();
        assertThat(view.titleTable("CITY_WORK_SIGN").scored()).as("works have no score").isFalse();
        assertThat(cityModel.awardees()).extracting(TitleTableView.Entry::score).as("by score from the highest")
                .containsExactly("95", "90", "90");
        TitleTableView.NearMiss sixth = cityModel.nearMiss("GL-2024-007");
        assertThat(sixth).isEqualTo(new TitleTableView.NearMiss(sixth.nomination(), "district-quota", "Chỉ tiêu của huyện",
                "xếp thứ 6 trong Gia Lâm", "xếp thứ 3 trở lên (chỉ tiêu của huyện)"));
        assertThat(sixth.nomination().district()).isEqualTo("Gia Lâm");
        assertThat(cityModel.nearMiss("GL-2024-025").actual()).isEqualTo("75 điểm");
        assertThat(cityModel.nearMiss("GL-2024-025").required()).isEqualTo("tối thiểu 80 điểm");
        assertThat(cityModel.nearMiss("GL-2024-009").criterionName()).isEqualTo("Hồ sơ đầy đủ");
        assertThat(cityModel.nearMiss("GL-2024-009").actual()).isEqualTo("thiếu xác nhận của địa phương");
        TitleTableView.NearMiss ordered = cityModel.nearMisses().get(0);
        assertThat(ordered.nomination().number()).isEqualTo(1);
        assertThat(ordered.nomination().score()).isEqualTo("100");
    }

    @Test
    void whyNotLinesAreWordsNotCodes() {
        CardView card = ReportView.of(sample, Words.vietnamese(), Cards.ALL).card("GL-2024-001");
        assertThat(card.missed()).extracting(CardView.MissedView::title).containsExactly("CITY_MODEL", "CITY_BANG_KHEN");
        assertThat(card.missed("CITY_MODEL").criterion("min-score")).isEqualTo(new CardView.Failed("min-score",
                "Điểm tối thiểu", "75 điểm", "tối thiểu 80 điểm", "city-model.min-score", "dvk reference policy (100-point scale)"));
        CardView.Failed cityModel = card.missed("CITY_BANG_KHEN").criterion("city-model-awarded");
        assertThat(cityModel.name()).isEqualTo("Đạt mô hình tiêu biểu cấp thành phố năm nay");
        assertThat(cityModel.actual()).isEqualTo("không đạt Mô hình \"Dân vận khéo\" tiêu biểu cấp thành phố");
        assertThat(cityModel.required()).isEqualTo("đạt Mô hình \"Dân vận khéo\" tiêu biểu cấp thành phố trong năm xét");
        assertThat(card.missed("CITY_BANG_KHEN").name()).isEqualTo("Bằng khen của Chủ tịch UBND thành phố");
        assertThat(card.score()).isEqualTo(75);
        assertThat(card.parts()).first().isEqualTo(new CardView.Part("Thời gian duy trì", "months", 20));
        assertThat(card.parts()).extracting(CardView.Part::points).containsExactly(20, 10, 15, 10, 20);
        CardView.AwardView giayKhen = card.award("DISTRICT_GIAY_KHEN");
        assertThat(giayKhen.rule()).isEqualTo("district-giay-khen");
        assertThat(giayKhen.level()).isEqualTo("cấp huyện");
        assertThat(giayKhen.colour()).isEqualTo(TitleView.PALETTE.get(1));
        CardView prior = ReportView.of(sample, Words.vietnamese(), Cards.ALL).card("GL-2024-003");
        assertThat(prior.missed("DISTRICT_GIAY_KHEN").criterion("no-repeat-giay-khen").actual())
                .isEqualTo("Giấy khen của Chủ tịch UBND huyện năm 2022");
        for (CardView each : ReportView.of(sample, Words.vietnamese(), Cards.ALL).cards()) {
            for (CardView.MissedView m : each.missed()) {
                for (CardView.Failed f : m.failed()) {
                    assertThat(f.actual() + " " + f.required()).as(each.id() + " " + f.criterion())
                            .doesNotContain(">=").doesNotContain("<=").doesNotContain("rank ").doesNotContain("DISTRICT_")
                            .doesNotContain("CITY_").doesNotContain(" in 20");
                    assertThat(f.name()).isNotEqualTo(f.criterion());
                }
            }
        }
    }

    @Test
    void aViolationIsShownOncePerCardNotUnderEachTitle() throws Exception {
        JsonNode decision = null;
        for (JsonNode d : json(sample).get("decisions")) {
            if (d.get("id").asText().equals("GL-2024-010")) decision = d;
        }
        assertThat(decision.get("notAwarded")).as("the JSON repeats it under each of the four titles").hasSize(4)
                .allSatisfy(m -> assertThat(m.get("failed").findValuesAsText("criterion")).contains("no-recent-violation"));
        CardView card = ReportView.of(sample, Words.vietnamese(), Cards.MISSED).card("GL-2024-010");
        assertThat(card.ineligible()).singleElement().satisfies(f -> {
            assertThat(f.criterion()).isEqualTo("no-recent-violation");
            assertThat(f.name()).isEqualTo("Không vi phạm trong năm xét và năm trước");
            assertThat(f.actual()).startsWith("vi phạm năm 2024: ");
            assertThat(f.required()).isEqualTo("không vi phạm trong các năm 2023–2024");
        });
        assertThat(card.missed()).hasSize(4).allSatisfy(m -> assertThat(m.failed()).extracting(CardView.Failed::criterion)
                .doesNotContain("no-recent-violation"));
        assertThat(card.missed("DISTRICT_MODEL").failed()).as("missed for the violation alone").isEmpty();
        assertThat(card.missed("CITY_MODEL").failed()).extracting(CardView.Failed::criterion)
                .containsExactly("min-score", "min-replication-sites", "prior-district-model");
        CardView twoProblems = ReportView.of(sample, Words.vietnamese(), Cards.MISSED).card("GL-2024-027");
        assertThat(twoProblems.ineligible()).extracting(CardView.Failed::criterion)
                .containsExactly("complete-dossier", "no-recent-violation");
    }

    @Test
    void aCardSaysWhatTheNominationIs() {
        ReportView view = ReportView.of(sample, Words.vietnamese(), Cards.ALL);
        CardView model = view.card("GL-2024-001");
        assertThat(model.typeName()).isEqualTo("Mô hình tập thể");
        assertThat(model.field()).isEqualTo("Quốc phòng - an ninh");
        assertThat(model.district()).isEqualTo("Gia Lâm");
        assertThat(model.commune()).isEqualTo("Đa Tốn");
        assertThat(model.sponsor()).isEqualTo("Hội Cựu chiến binh xã Đa Tốn");
        assertThat(model.sinceLabel()).isEqualTo("bắt đầu");
        assertThat(model.since()).isEqualTo("01/05/2020");
        RowView work = view.rows().stream().filter(r -> r.type().equals("WORK")).findFirst().orElseThrow();
        assertThat(work.score()).as("a work has no score: sorted last").isEmpty();
        assertThat(work.scoreText()).isEqualTo("—");
        assertThat(work.typeName()).isEqualTo("Công trình");
        CardView workCard = view.card(work.id());
        assertThat(workCard.score()).isNull();
        assertThat(workCard.parts()).isEmpty();
        assertThat(workCard.sinceLabel()).isEqualTo("hoàn thành");
        CardView english = ReportView.of(sample, Words.english(), Cards.ALL).card("GL-2024-001");
        assertThat(english.typeName()).isEqualTo("model collective");
        assertThat(english.since()).isEqualTo("2020-05-01");
        assertThat(english.missed("CITY_MODEL").criterion("min-score").required()).isEqualTo("at least 80 points");
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
        assertThat(row.chips().get(0).title()).isEqualTo("DISTRICT_MODEL");
        assertThat(view.types()).extracting(ReportView.Option::value).containsExactly("MODEL", "WORK");
        assertThat(view.columns()).extracting(ReportView.Column::key)
                .containsExactly("id", "name", "type", "district", "score", "awards");
        assertThat(view.columns()).filteredOn(ReportView.Column::numeric).extracting(ReportView.Column::key)
                .containsExactly("score", "awards");
    }

    @Test
    void thePageIsInOneLanguageVietnameseByDefault() {
        ReportView vi = ReportView.of(sample);
        assertThat(vi.words().isVietnamese()).isTrue();
        assertThat(vi.title()).isEqualTo("Kết quả xét danh hiệu “Dân vận khéo” năm 2024");
        assertThat(vi.summary().titles().get(0).name()).isEqualTo("Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện");
        assertThat(vi.stat("count-awards").label()).isEqualTo("Danh hiệu được trao");
        assertThat(vi.ruleSet().facts()).isEqualTo("năm áp dụng 2024–2025; 46 quy tắc");
        ReportView en = ReportView.of(sample, Words.english(), Cards.NONE);
        assertThat(en.title()).isEqualTo("“Skilled Mass Mobilization” award decisions 2024");
        assertThat(en.summary().titles().get(0).name()).isEqualTo("District-level typical \"Skilled Mass Mobilization\" model");
        assertThat(en.stat("count-awards").label()).isEqualTo("titles awarded");
        assertThat(en.titleTable("CITY_MODEL").nearMiss("GL-2024-007").actual()).isEqualTo("rank 6 in Gia Lâm");
        assertThat(en.titleTable("CITY_MODEL").nearMiss("GL-2024-007").criterionName()).isEqualTo("district quota");
        assertThat(en.cards()).isEmpty();
    }

    /** The sample with GL-2024-004's funds mistyped and GL-2024-005's district written with its prefix. */
    private static Evaluation mistyped() throws Exception {
        String sample = java.nio.file.Files.readString(Path.of("fixtures/samples/gia-lam-2024.json"), StandardCharsets.UTF_8);
        String edited = sample.replaceFirst("(\"id\": \"GL-2024-004\",[^}]*?\"fundsVnd\": )\\d+", "$1\"nhiều\"")
                .replaceFirst("(\"id\": \"GL-2024-005\",[^}]*?\"district\": )\"Gia Lâm\"", "$1\"huyện Gia Lâm\"");
        return new Evaluator(TestRules.standard()).evaluate(BatchReader.readJson(
                new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aProvisionalQuotaAndAWarningAreShownAboveTheSummaryAndTheQuotasDecisionsMarked() throws Exception {
        Evaluation evaluation = mistyped();
        assertThat(evaluation.provisional()).isNotEmpty();
        assertThat(evaluation.warnings()).isNotEmpty();
        ReportView view = ReportView.of(evaluation);
        assertThat(view.notices()).extracting(ReportView.Notice::kind).startsWith("provisional").contains("name-merged");
        ReportView.Notice quota = view.notices().get(0);
        assertThat(quota.message()).isEqualTo("Chỉ tiêu “Mô hình \"Dân vận khéo\" tiêu biểu cấp thành phố” của Gia Lâm là tạm thời:"
                + " kết quả chỉ chính thức khi các hồ sơ bị loại sau được sửa hoặc rút");
        assertThat(quota.ids()).containsExactly("GL-2024-004");
        assertThat(view.notices().get(1).message()).isEqualTo("Quận, huyện \"huyện Gia Lâm\" (1 hồ sơ) được tính là \"Gia Lâm\" (59)");
        TitleTableView cityModel = view.titleTable("CITY_MODEL");
        assertThat(cityModel.awardees()).isNotEmpty().allSatisfy(e -> assertThat(e.provisional()).isTrue());
        assertThat(view.titleTable("DISTRICT_MODEL").awardees()).noneMatch(TitleTableView.Entry::provisional);
        assertThat(view.rejectedAt(3).errors()).extracting(RejectedView.Problem::message)
                .as("a rejected record's problem in the page's language").anySatisfy(m -> assertThat(m).startsWith("cần là số nguyên"));
        ReportView english = ReportView.of(evaluation, Words.english(), Cards.NONE);
        assertThat(english.notices().get(0).message()).startsWith("The “City-level typical");
        assertThat(ReportView.of(sample).notices()).as("the sample spells Yên Viên two ways, and no quota is provisional")
                .extracting(ReportView.Notice::kind).containsExactly("name-merged");
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
