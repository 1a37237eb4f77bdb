package dvk.report;

import static dvk.testing.Facts.award;
import static dvk.testing.Facts.candidate;
import static dvk.testing.Facts.measures;
import static dvk.testing.Facts.ranking;
import static dvk.testing.Facts.score;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.Comparison;
import dvk.domain.CriterionOutcome;
import dvk.domain.Level;
import dvk.testing.RuleVerifier;
import dvk.testing.TestRuleSet;
import dvk.testing.TestRules;
import org.junit.jupiter.api.Test;

/**
 * Why-not lines in words: each kind of comparison the rule kit makes, from the outcome a rule of
 * rules/2024-2025 (or rules/2026) derives, written in Vietnamese and in English; the JSON's strings
 * of the same outcome stay as the data contract has them.
 */
class OutcomeWordsTest {
    private static final TestRuleSet RULES = TestRules.ruleSet("2024-2025");
    private static final OutcomeWords VI = OutcomeWords.of(Words.vietnamese(), RULES.rules());
    private static final OutcomeWords EN = OutcomeWords.of(Words.english(), RULES.rules());

    private static RuleVerifier.RuleUnderTest rule(String id) {
        return RULES.verifier().rule(id);
    }

    private static void reads(CriterionOutcome outcome, OutcomeWords words, String criterion, String actual, String required) {
        assertThat(words.criterion(outcome.criterion())).isEqualTo(criterion);
        assertThat(words.actual(outcome)).as("actual").isEqualTo(actual);
        assertThat(words.required(outcome)).as("required").isEqualTo(required);
    }

    @Test
    void aMinimumIsWrittenWithItsUnit() {
        CriterionOutcome score = rule("city-model.min-score").given(score("M", 75)).fails("75", ">= 80");
        assertThat(score.comparison()).isEqualTo(new Comparison.AtLeast(75, 80));
        reads(score, VI, "Điểm tối thiểu", "75 điểm", "tối thiểu 80 điểm");
        reads(score, EN, "minimum score", "75 points", "at least 80 points");
        CriterionOutcome months = rule("city-model.months-running").given(model("M"), measures("M").months(23)).fails("23", ">= 24");
        reads(months, VI, "Thời gian duy trì", "23 tháng", "tối thiểu 24 tháng");
    }

    @Test
    void amountsAreGroupedByDotsInVietnameseAndCommasInEnglish() {
        CriterionOutcome value = rule("city-work-sign.min-total-value").given(work("W").totalValue(45_000_000).peopleContribution(0))
                .fails("45,000,000", ">= 100,000,000");
        reads(value, VI, "Tổng giá trị công trình", "45.000.000 đồng", "tối thiểu 100.000.000 đồng");
        reads(value, EN, "total value of the work", "45,000,000 VND", "at least 100,000,000 VND");
        CriterionOutcome share = rule("city-work-sign.people-share").given(work("W").totalValue(300).peopleContribution(209))
                .fails("69.66%", ">= 70%");
        reads(share, VI, "Tỷ lệ nhân dân đóng góp", "69,66%", "tối thiểu 70%");
        reads(share, EN, "people's share of the value", "69.66%", "at least 70%");
        CriterionOutcome approval = rule("district-model.min-approval").given(model("M").approval("69.5")).fails("69.5", ">= 70");
        reads(approval, VI, "Tỷ lệ đồng thuận", "69,5%", "tối thiểu 70%");
    }

    @Test
    void theQuotasRankIsAPlaceInTheDistrict() {
        CriterionOutcome quota = rule("city-model.district-quota")
                .given(ranking("Gia Lâm", "A", "B", "C", "D", "E", "F"), candidate("F", "Gia Lâm"))
                .fails("rank 6 in Gia Lâm", "rank <= 3 (district quota)");
        reads(quota, VI, "Chỉ tiêu của huyện", "xếp thứ 6 trong Gia Lâm", "xếp thứ 3 trở lên (chỉ tiêu của huyện)");
        reads(quota, EN, "district quota", "rank 6 in Gia Lâm", "rank 3 or better (district quota)");
    }

    @Test
    void priorTitlesAreNamedAndYearsWritten() {
        int y = RULES.year();
        CriterionOutcome prior = rule("city-model.prior-district-model")
                .given(model("M").noPriors().prior(y - 4, Level.DISTRICT, "DISTRICT_MODEL"))
                .fails("DISTRICT_MODEL (DISTRICT) in 2020", "DISTRICT_MODEL in 2021–2023");
        reads(prior, VI, "Đã là mô hình tiêu biểu cấp huyện",
                "Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện năm 2020",
                "Mô hình \"Dân vận khéo\" tiêu biểu cấp huyện trong các năm 2021–2023");
        CriterionOutcome none = rule("city-model.prior-district-model").given(model("M").noPriors()).fails("no DISTRICT_MODEL",
                "DISTRICT_MODEL in 2021–2023");
        assertThat(VI.actual(none)).isEqualTo("chưa có");
        CriterionOutcome repeat = rule("district-giay-khen.no-repeat")
                .given(model("M").noPriors().prior(y - 1, Level.DISTRICT, "DISTRICT_GIAY_KHEN"))
                .fails("DISTRICT_GIAY_KHEN (DISTRICT) in 2023", "no DISTRICT_GIAY_KHEN in 2022–2023");
        reads(repeat, VI, "Không trùng Giấy khen hai năm liền trước",
                "Giấy khen của Chủ tịch UBND huyện năm 2023",
                "không có Giấy khen của Chủ tịch UBND huyện trong các năm 2022–2023");
        reads(repeat, EN, "no Giấy khen in the two previous years",
                "Certificate of Commendation of the District People's Committee Chairman in 2023",
                "no Certificate of Commendation of the District People's Committee Chairman in 2022–2023");
        CriterionOutcome commune = rule("district-model.commune-recognition").given(model("M").noPriors())
                .fails("no COMMUNE recognition", "a COMMUNE recognition in 2024 or before");
        reads(commune, VI, "Đã được công nhận cấp xã", "chưa được công nhận cấp xã", "được công nhận cấp xã từ năm 2024 trở về trước");
        CriterionOutcome communeYears = TestRules.ruleSet("2026").verifier().rule("city-model.commune-recognition")
                .given(model("M").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL")).outcome();
        assertThat(communeYears.passed()).isFalse();
        OutcomeWords vi2026 = OutcomeWords.of(Words.vietnamese(), TestRules.ruleSet("2026").rules());
        assertThat(vi2026.actual(communeYears)).isEqualTo("Mô hình \"Dân vận khéo\" tiêu biểu cấp xã năm 2022");
        CriterionOutcome freeText = TestRules.ruleSet("2026").verifier().rule("city-model.commune-recognition")
                .given(model("M").noPriors().prior(2022, Level.COMMUNE, "Giấy khen UBND xã")).outcome();
        assertThat(vi2026.actual(freeText)).as("a title no one names keeps its level").isEqualTo("Giấy khen UBND xã (cấp xã) năm 2022");
        assertThat(vi2026.required(communeYears)).isEqualTo("được công nhận cấp xã trong các năm 2023–2025");
    }

    @Test
    void aViolationKeepsItsDescription() {
        int y = RULES.year();
        CriterionOutcome violation = rule("eligibility.no-recent-violation").given(model("M").violation(y - 1)).outcome();
        reads(violation, VI, "Không vi phạm trong năm xét và năm trước", "vi phạm năm 2023: vi phạm năm 2023",
                "không vi phạm trong các năm 2023–2024");
        reads(violation, EN, "no violation this year or the year before", "violation in 2023: vi phạm năm 2023",
                "no violation in 2023–2024");
    }

    @Test
    void documentsAndPrerequisiteTitlesAreNamed() {
        CriterionOutcome dossier = rule("eligibility.complete-dossier.work").given(work("W").acceptance(false).report(false))
                .fails("missing report, acceptance", "report, confirmation, acceptance");
        reads(dossier, VI, "Hồ sơ đầy đủ", "thiếu báo cáo thành tích, biên bản nghiệm thu",
                "Báo cáo thành tích, xác nhận của địa phương, biên bản nghiệm thu");
        reads(dossier, EN, "complete dossier", "missing achievement report, acceptance record",
                "Achievement report, local confirmation, acceptance record");
        CriterionOutcome prerequisite = rule("city-bang-khen.city-model-awarded").given(model("M")).outcome();
        reads(prerequisite, VI, "Đạt mô hình tiêu biểu cấp thành phố năm nay",
                "không đạt Mô hình \"Dân vận khéo\" tiêu biểu cấp thành phố",
                "đạt Mô hình \"Dân vận khéo\" tiêu biểu cấp thành phố trong năm xét");
        CriterionOutcome held = rule("city-bang-khen.city-model-awarded").given(model("M"), award("M", "CITY_MODEL")).passes();
        assertThat(EN.actual(held)).isEqualTo("City-level typical \"Skilled Mass Mobilization\" model awarded");
    }

    @Test
    void anOutcomeMadeWithoutTheRuleKitKeepsItsOwnWordsAndAnUnknownCriterionItsCode() {
        CriterionOutcome written = new CriterionOutcome("M", "CITY_MODEL", "local-rule", false, "14", ">= 18", "x.local-rule", "cite");
        assertThat(written.comparison()).isEqualTo(new Comparison.AsWritten());
        reads(written, VI, "local-rule", "14", ">= 18");
    }
}
