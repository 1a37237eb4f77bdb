package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.notAwarded;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import dvk.testing.NominationBuilder;
import org.junit.jupiter.api.Test;

/**
 * Signs on works, at most one: CITY_WORK_SIGN (months ≥ 3, total ≥ 100 M, people's share ≥ 70 %,
 * approval ≥ 90, beneficiaries ≥ 500), otherwise DISTRICT_WORK_SIGN (months ≥ 3, total ≥ 50 M,
 * share ≥ 50 %, approval ≥ 80).
 */
class WorkSignRulesTest {
    private static final String CITY = "CITY_WORK_SIGN";
    private static final String DISTRICT = "DISTRICT_WORK_SIGN";

    /** Exactly at every city threshold. */
    private static NominationBuilder cityEdge() {
        return work("W").completedDate("2024-09-30").totalValue(100_000_000).peopleContribution(70_000_000)
                .approval("90").beneficiaries(500);
    }

    /** Exactly at every district threshold (and below the city ones for total, share and approval). */
    private static NominationBuilder districtEdge() {
        return work("W").completedDate("2024-09-30").totalValue(50_000_000).peopleContribution(25_000_000)
                .approval("80").beneficiaries(800);
    }

    // --- city sign ---

    @Test
    void aWorkAtEveryCityThresholdGetsTheCitySignOnly() {
        Decision d = decide(cityEdge());
        assertThat(titles(d)).containsExactly(CITY);
        assertThat(d.notAwarded()).isEmpty();
        assertThat(notAwarded(d, DISTRICT)).as("the district sign is not listed under why-not").isEmpty();
        assertThat(d.awards().get(0).rule()).isEqualTo("city-work-sign");
    }

    @Test
    void theBuilderWorkGetsTheCitySignOnly() {
        Decision d = decide(work("W"));
        assertThat(titles(d)).containsExactly(CITY);
        assertThat(d.notAwarded()).isEmpty();
    }

    @Test
    void oneVndBelowOneHundredMillionMissesTheCitySign() {
        Decision d = decide(cityEdge().totalValue(99_999_999));
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, CITY)).containsExactly("min-total-value");
        CriterionOutcome miss = failure(d, CITY, "min-total-value");
        assertThat(miss.actual()).isEqualTo("99,999,999");
        assertThat(miss.required()).isEqualTo(">= 100,000,000");
        assertThat(miss.rule()).isEqualTo("city-work-sign.min-total-value");
        assertThat(miss.cite()).contains("32/2024");
        assertThat(notAwarded(d, DISTRICT)).isEmpty();
    }

    @Test
    void aShareJustBelowSeventyPercentMissesTheCitySignWithoutRounding() {
        // 69,999,999 / 100,000,000 = 69.999999 %: would round to 70 %
        Decision d = decide(cityEdge().peopleContribution(69_999_999));
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, CITY)).containsExactly("people-share");
        CriterionOutcome miss = failure(d, CITY, "people-share");
        assertThat(miss.actual()).isEqualTo("69.99%");
        assertThat(miss.required()).isEqualTo(">= 70%");
        assertThat(miss.rule()).isEqualTo("city-work-sign.people-share");
    }

    @Test
    void approvalJustBelowNinetyMissesTheCitySign() {
        Decision d = decide(cityEdge().approval("89.99"));
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, CITY)).containsExactly("min-approval");
        CriterionOutcome miss = failure(d, CITY, "min-approval");
        assertThat(miss.actual()).isEqualTo("89.99");
        assertThat(miss.required()).isEqualTo(">= 90");
    }

    @Test
    void fourHundredNinetyNineBeneficiariesMissTheCitySign() {
        Decision d = decide(cityEdge().beneficiaries(499));
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, CITY)).containsExactly("min-beneficiaries");
        CriterionOutcome miss = failure(d, CITY, "min-beneficiaries");
        assertThat(miss.actual()).isEqualTo("499");
        assertThat(miss.required()).isEqualTo(">= 500");
    }

    @Test
    void twoMonthsInUseMissBothSigns() {
        assertThat(titles(decide(cityEdge().completedDate("2024-09-30")))).containsExactly(CITY);
        Decision d = decide(cityEdge().completedDate("2024-10-01"));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, CITY)).containsExactly("months-in-use");
        assertThat(failed(d, DISTRICT)).containsExactly("months-in-use");
        CriterionOutcome miss = failure(d, CITY, "months-in-use");
        assertThat(miss.actual()).isEqualTo("2");
        assertThat(miss.required()).isEqualTo(">= 3");
        assertThat(failure(d, DISTRICT, "months-in-use").rule()).isEqualTo("district-work-sign.months-in-use");
    }

    // --- district sign ---

    @Test
    void aWorkAtEveryDistrictThresholdGetsTheDistrictSign() {
        Decision d = decide(districtEdge());
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, DISTRICT)).isEmpty();
        assertThat(failed(d, CITY)).containsExactlyInAnyOrder("min-total-value", "people-share", "min-approval");
        assertThat(failure(d, CITY, "people-share").actual()).isEqualTo("50%");
    }

    @Test
    void oneVndBelowFiftyMillionMissesTheDistrictSign() {
        Decision d = decide(districtEdge().totalValue(49_999_999));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, DISTRICT)).containsExactly("min-total-value");
        CriterionOutcome miss = failure(d, DISTRICT, "min-total-value");
        assertThat(miss.actual()).isEqualTo("49,999,999");
        assertThat(miss.required()).isEqualTo(">= 50,000,000");
    }

    @Test
    void aShareJustBelowFiftyPercentMissesTheDistrictSign() {
        Decision d = decide(districtEdge().peopleContribution(24_999_999));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, DISTRICT)).containsExactly("people-share");
        CriterionOutcome miss = failure(d, DISTRICT, "people-share");
        assertThat(miss.actual()).isEqualTo("49.99%");
        assertThat(miss.required()).isEqualTo(">= 50%");
    }

    @Test
    void approvalJustBelowEightyMissesTheDistrictSign() {
        Decision d = decide(districtEdge().approval("79.99"));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, DISTRICT)).containsExactly("min-approval");
        CriterionOutcome miss = failure(d, DISTRICT, "min-approval");
        assertThat(miss.actual()).isEqualTo("79.99");
        assertThat(miss.required()).isEqualTo(">= 80");
    }

    @Test
    void twoMonthsInUseMissTheDistrictSign() {
        Decision d = decide(districtEdge().completedDate("2024-10-01"));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, DISTRICT)).containsExactly("months-in-use");
        assertThat(failure(d, DISTRICT, "months-in-use").actual()).isEqualTo("2");
    }

    @Test
    void aTotalValueOfZeroFailsTheShare() {
        Decision d = decide(work("W").totalValue(0).peopleContribution(0));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, DISTRICT)).containsExactlyInAnyOrder("min-total-value", "people-share");
        assertThat(failed(d, CITY)).containsExactlyInAnyOrder("min-total-value", "people-share");
        CriterionOutcome miss = failure(d, DISTRICT, "people-share");
        assertThat(miss.actual()).isEqualTo("no total value");
        assertThat(miss.required()).isEqualTo(">= 50%");
        assertThat(failure(d, CITY, "people-share").actual()).isEqualTo("no total value");
    }

    @Test
    void aWorkWithNeitherSignListsBoth() {
        Decision d = decide(districtEdge().approval("50"));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder(DISTRICT, CITY);
        assertThat(failed(d, DISTRICT)).containsExactly("min-approval");
        assertThat(failed(d, CITY)).containsExactlyInAnyOrder("min-total-value", "people-share", "min-approval");
    }

    // --- models and works ---

    @Test
    void modelsNeverListWorkTitles() {
        Decision failing = decide(model("M").report(false));
        assertThat(failing.notAwarded()).extracting(NotAwarded::title)
                .containsExactlyInAnyOrder("DISTRICT_MODEL", "DISTRICT_GIAY_KHEN", "CITY_MODEL", "CITY_BANG_KHEN");
        assertThat(titles(decide(model("M")))).doesNotContain(DISTRICT, CITY);
    }

    @Test
    void worksNeverListModelTitles() {
        Decision failing = decide(work("W").report(false));
        assertThat(failing.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder(DISTRICT, CITY);
        Decision district = decide(districtEdge());
        assertThat(district.notAwarded()).extracting(NotAwarded::title).containsExactly(CITY);
        assertThat(titles(district)).containsExactly(DISTRICT);
    }
}
