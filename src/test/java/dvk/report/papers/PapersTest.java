package dvk.report.papers;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchReader;
import dvk.report.Words;
import dvk.testing.NominationBuilder;
import dvk.testing.TestRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the papers say, before any layout: who issues each title where, one decision per issuing
 * body with the holders of its titles, and the legal bases read from the rules' citations.
 */
class PapersTest {
    static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static Evaluation sample;
    private static Papers papers;

    @BeforeAll
    static void evaluateTheSample() throws Exception {
        sample = new Evaluator(TestRules.standard()).evaluate(BatchReader.read(SAMPLE));
        papers = Papers.of(sample, Words.vietnamese());
    }

    /** The ids holding a title, in the batch's order, read from the evaluation itself. */
    static List<String> holders(Evaluation evaluation, String title) {
        return evaluation.decisions().stream().filter(d -> d.holds(title)).map(d -> d.nomination().id()).toList();
    }

    @Test
    void eachIssuerOfTheSampleHasOneDecisionTheDistrictsFirst() {
        assertThat(papers.decisions()).extracting(d -> d.body().name()).containsExactly(
                "Ban Thường vụ Huyện ủy Gia Lâm",
                "Chủ tịch Ủy ban nhân dân huyện Gia Lâm",
                "Ủy ban nhân dân huyện Gia Lâm",
                "Ban Thường vụ Thành ủy Hà Nội",
                "Chủ tịch Ủy ban nhân dân thành phố Hà Nội",
                "Ủy ban nhân dân thành phố Hà Nội");
        assertThat(papers.decisions()).extracting(d -> d.titles().get(0).title().code()).containsExactly(
                "DISTRICT_MODEL", "DISTRICT_GIAY_KHEN", "DISTRICT_WORK_SIGN", "CITY_MODEL", "CITY_BANG_KHEN", "CITY_WORK_SIGN");
    }

    @Test
    void theListsOfEachTitleAreItsHoldersInTheBatchsOrder() {
        for (TitleDefinition title : sample.rules().awardedTitles()) {
            List<TitleAwards> lists = papers.titles().stream().filter(t -> t.title().equals(title)).toList();
            assertThat(lists).as(title.code()).hasSize(1);
            assertThat(lists.get(0).awardees()).extracting(Awardee::id).as(title.code())
                    .containsExactlyElementsOf(holders(sample, title.code())).isNotEmpty();
        }
        TitleAwards model = papers.titles().get(0);
        Decision first = sample.decisions().stream().filter(d -> d.holds("DISTRICT_MODEL")).findFirst().orElseThrow();
        assertThat(model.awardees().get(0)).isEqualTo(new Awardee(first.nomination().id(), first.nomination().name(),
                first.nomination().type(), first.nomination().kind(), first.nomination().sponsor(), first.nomination().commune(),
                "Gia Lâm", "Hà Nội", first.score().total(), "Movement guidance 70-KH/BDVTW; dvk reference policy"));
        assertThat(model.count(Words.vietnamese())).isEqualTo("22 tập thể và 5 cá nhân");
        assertThat(model.count(Words.english())).isEqualTo("22 collectives and 5 individuals");
        assertThat(papers.titles().get(3).count(Words.english())).as(papers.titles().get(3).title().code()).isEqualTo("1 collective");
    }

    @Test
    void theProposalsFiguresAreThoseOfTheEvaluation() {
        assertThat(papers.records()).isEqualTo(60);
        assertThat(papers.decided()).isEqualTo(60);
        assertThat(papers.rejected()).isZero();
        assertThat(papers.models() + papers.works()).isEqualTo(60);
        assertThat(papers.awarded()).isEqualTo(sample.decisions().stream().filter(d -> !d.awards().isEmpty()).count());
        assertThat(papers.standingBody()).isEqualTo("Thường trực Hội đồng Thi đua - Khen thưởng huyện Gia Lâm");
        assertThat(papers.committee()).isEqualTo("UBND huyện Gia Lâm");
        assertThat(papers.fingerprint()).startsWith("sha256:").hasSize("sha256:".length() + 12);
    }

    @Test
    void theBasesAreTheDocumentsTheGrantRulesCiteEachOnceWithTheirArticles() {
        assertThat(draft("DISTRICT_GIAY_KHEN").bases()).containsExactly(
                "Căn cứ Điều 75, khoản 2 Điều 80 và khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;");
        assertThat(draft("CITY_BANG_KHEN").bases()).containsExactly(
                "Căn cứ Điều 74 và khoản 2 Điều 5 Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
                "Căn cứ Quyết định số 32/2024/QĐ-UBND của Ủy ban nhân dân thành phố Hà Nội;");
        assertThat(draft("DISTRICT_MODEL").bases()).containsExactly(
                "Căn cứ Kế hoạch số 70-KH/BDVTW năm 2009 của Ban Dân vận Trung ương về phong trào thi đua \"Dân vận khéo\";",
                "Căn cứ tiêu chí xét chọn mô hình, công trình \"Dân vận khéo\" năm 2024 (bộ quy tắc rules/2024-2025, mã "
                        + papers.fingerprint() + ");");
    }

    @Test
    void documentsAreMergedAcrossCitationsAndUnknownOnesCitedAsWritten() {
        List<String> bases = LegalBases.of(List.of("Law 06/2022/QH15 art. 75, art. 5(2)",
                        "Law 06/2022/QH15 art. 74–75, art. 5(2); Circular 12/2019/TT-BNV art. 3; dvk reference policy (quota)",
                        "dvk reference policy"),
                Words.vietnamese(), "2024", "rules/x", "sha256:abc");
        assertThat(bases).containsExactly(
                "Căn cứ Điều 75, khoản 2 Điều 5 và Điều 74–75 Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
                "Căn cứ Circular 12/2019/TT-BNV art. 3;",
                "Căn cứ tiêu chí xét chọn mô hình, công trình \"Dân vận khéo\" năm 2024 (bộ quy tắc rules/x, mã sha256:abc);");
        assertThat(LegalBases.of(List.of("Law 06/2022/QH15 art. 80(2)"), Words.english()))
                .containsExactly("Pursuant to art. 80(2) of the Law on Emulation and Commendation No. 06/2022/QH15 of 15 June 2022;");
        assertThat(LegalBases.documentKey("32/2024/QĐ-UBND")).isEqualTo("papers.document.32-2024-QD-UBND");
    }

    @Test
    void anIssuerIsReadForItsOrganisationHeadingAndSymbol() {
        IssuingBody chairman = new IssuingBody("Chủ tịch UBND huyện", new Place(Level.DISTRICT, "huyện Gia Lâm"));
        assertThat(chairman.name()).isEqualTo("Chủ tịch Ủy ban nhân dân huyện Gia Lâm");
        assertThat(chairman.organisation()).isEqualTo("Ủy ban nhân dân huyện Gia Lâm");
        assertThat(chairman.headerLines()).containsExactly("ỦY BAN NHÂN DÂN", "HUYỆN GIA LÂM");
        assertThat(chairman.party()).isFalse();
        assertThat(chairman.decisionSymbol()).isEqualTo("QĐ-UBND");
        assertThat(chairman.number(Words.vietnamese())).isEqualTo("Số:" + IssuingBody.BLANK + "/QĐ-UBND");

        IssuingBody standing = new IssuingBody("Ban Thường vụ Thành uỷ", new Place(Level.CITY, "Hà Nội"));
        assertThat(standing.organisation()).isEqualTo("Thành uỷ Hà Nội");
        assertThat(standing.headerLines()).containsExactly("THÀNH UỶ HÀ NỘI");
        assertThat(standing.party()).as("either accent placement").isTrue();
        assertThat(standing.decisionSymbol()).isEqualTo("QĐ/TU");
        assertThat(standing.number(Words.vietnamese())).isEqualTo("Số" + IssuingBody.BLANK + "-QĐ/TU");

        IssuingBody named = new IssuingBody("HĐND huyện Gia Lâm", new Place(Level.DISTRICT, "Gia Lâm"));
        assertThat(named.name()).as("a place named already is not repeated").isEqualTo("Hội đồng nhân dân huyện Gia Lâm");
        assertThat(named.decisionSymbol()).isEqualTo("QĐ-HĐND");
        assertThat(named.headerLines()).containsExactly("HỘI ĐỒNG NHÂN DÂN", "HUYỆN GIA LÂM");
        assertThat(new IssuingBody("UBND huyện", Place.unknown(Level.DISTRICT)).headerLines()).containsExactly("ỦY BAN NHÂN DÂN HUYỆN");
    }

    @Test
    void aBatchOfSeveralDistrictsHasADistrictDecisionForEachAndTheCitysCouncilProposes() {
        Evaluation evaluation = TestRules.evaluate(
                NominationBuilder.model("GL-1").district("Gia Lâm"),
                NominationBuilder.model("LB-1").district("Long Biên"),
                NominationBuilder.model("GL-2").district("huyện Gia Lâm"));
        Papers districts = Papers.of(evaluation, Words.vietnamese());
        assertThat(districts.standingBody()).isEqualTo("Thường trực Hội đồng Thi đua - Khen thưởng thành phố Hà Nội");
        List<TitleAwards> models = districts.titles().stream().filter(t -> t.title().code().equals("DISTRICT_MODEL")).toList();
        assertThat(models).extracting(t -> t.body().name())
                .containsExactly("Ban Thường vụ Huyện ủy Gia Lâm", "Ban Thường vụ Huyện ủy Long Biên");
        assertThat(models.get(0).awardees()).extracting(Awardee::id).containsExactly("GL-1", "GL-2");
        assertThat(districts.decisions()).extracting(d -> d.body().name()).startsWith(
                "Ban Thường vụ Huyện ủy Gia Lâm", "Ban Thường vụ Huyện ủy Long Biên",
                "Chủ tịch Ủy ban nhân dân huyện Gia Lâm", "Chủ tịch Ủy ban nhân dân huyện Long Biên");
    }

    @Test
    void aTitleNobodyHoldsIsCountedButHasNoDecision() {
        Evaluation evaluation = TestRules.evaluate(NominationBuilder.model("GL-1").report(false));
        Papers none = Papers.of(evaluation, Words.vietnamese());
        assertThat(none.decisions()).isEmpty();
        assertThat(none.awardedTitles()).isEmpty();
        assertThat(none.titles()).hasSize(evaluation.rules().awardedTitles().size())
                .allSatisfy(t -> assertThat(t.count(Words.vietnamese())).isEqualTo("không có"));
    }

    @Test
    void printedQuotesOpenAndClose() {
        assertThat(OfficialDocument.typographic("Mô hình \"Camera an ninh\" (\"5 không\")"))
                .isEqualTo("Mô hình “Camera an ninh” (“5 không”)");
    }

    private static DecisionDraft draft(String title) {
        return papers.decisions().stream().filter(d -> d.titles().stream().anyMatch(t -> t.title().code().equals(title)))
                .findFirst().orElseThrow();
    }
}
