package dvk.engine.rules;

import static dvk.testing.Facts.measures;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.notAwarded;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import dvk.testing.EveryRuleSetWith;
import dvk.testing.NominationBuilder;
import dvk.testing.RuleVerifier.RuleUnderTest;
import dvk.testing.TestRuleSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Signs on works, at most one: CITY_WORK_SIGN (months ≥ 3, total ≥ 100 M, people's share ≥ 70 %,
 * approval ≥ 90, beneficiaries ≥ 500), otherwise DISTRICT_WORK_SIGN until 2025 (months ≥ 3,
 * total ≥ 50 M, share ≥ 50 %, approval ≥ 80). Each criterion is tested on its own rule in every
 * rule set that has it; the signs, through whole evaluations.
 */
class WorkSignRulesTest {
    private static final String CITY = "CITY_WORK_SIGN";
    private static final String DISTRICT = "DISTRICT_WORK_SIGN";

    // --- city sign criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.months-in-use")
    void aCitySignNeedsThreeMonthsInUse(RuleUnderTest rule) {
        rule.given(work("W"), measures("W").months(3)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.months-in-use")
    void twoMonthsInUseAreNotEnoughForTheCitySign(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(work("W"), measures("W").months(2)).fails("2", ">= 3");
        assertThat(miss.title()).isEqualTo(CITY);
        assertThat(miss.criterion()).isEqualTo("months-in-use");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.months-in-use")
    void modelsGetNoSign(RuleUnderTest rule) {
        rule.given(model("M"), measures("M").months(30)).doesNotFire();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.min-total-value")
    void aCitySignNeedsAWorkOfOneHundredMillion(RuleUnderTest rule) {
        rule.given(work("W").totalValue(100_000_000)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.min-total-value")
    void oneVndLessIsNotEnoughForTheCitySign(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(work("W").totalValue(99_999_999)).fails("99,999,999", ">= 100,000,000");
        assertThat(miss.cite()).contains("32/2024");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.people-share")
    void aCitySignNeedsSeventyPercentFromThePeople(RuleUnderTest rule) {
        rule.given(work("W").totalValue(100_000_000).peopleContribution(70_000_000)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.people-share")
    void aShareJustBelowSeventyPercentIsNotRoundedUp(RuleUnderTest rule) {
        // 69,999,999 / 100,000,000 = 69.999999 %
        rule.given(work("W").totalValue(100_000_000).peopleContribution(69_999_999)).fails("69.99%", ">= 70%");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.people-share")
    void aWorkWithoutTotalValueHasNoShare(RuleUnderTest rule) {
        rule.given(work("W").totalValue(0).peopleContribution(0)).fails("no total value", ">= 70%");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.min-approval")
    void aCitySignNeedsNinetyPercentApproval(RuleUnderTest rule) {
        rule.given(work("W").approval("90")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.min-approval")
    void justBelowNinetyPercentIsNotEnoughForTheCitySign(RuleUnderTest rule) {
        rule.given(work("W").approval("89.99")).fails("89.99", ">= 90");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.min-beneficiaries")
    void aCitySignNeedsFiveHundredBeneficiaries(RuleUnderTest rule) {
        rule.given(work("W").beneficiaries(500)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign.min-beneficiaries")
    void fourHundredNinetyNineAreNotEnough(RuleUnderTest rule) {
        rule.given(work("W").beneficiaries(499)).fails("499", ">= 500");
    }

    // --- district sign criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.months-in-use")
    void aDistrictSignNeedsThreeMonthsInUse(RuleUnderTest rule) {
        rule.given(work("W"), measures("W").months(3)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.months-in-use")
    void twoMonthsInUseAreNotEnoughForTheDistrictSign(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(work("W"), measures("W").months(2)).fails("2", ">= 3");
        assertThat(miss.title()).isEqualTo(DISTRICT);
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.min-total-value")
    void aDistrictSignNeedsAWorkOfFiftyMillion(RuleUnderTest rule) {
        rule.given(work("W").totalValue(50_000_000)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.min-total-value")
    void oneVndLessIsNotEnoughForTheDistrictSign(RuleUnderTest rule) {
        rule.given(work("W").totalValue(49_999_999)).fails("49,999,999", ">= 50,000,000");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.people-share")
    void aDistrictSignNeedsHalfFromThePeople(RuleUnderTest rule) {
        rule.given(work("W").totalValue(50_000_000).peopleContribution(25_000_000)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.people-share")
    void aShareJustBelowHalfIsNotEnough(RuleUnderTest rule) {
        rule.given(work("W").totalValue(50_000_000).peopleContribution(24_999_999)).fails("49.99%", ">= 50%");
        rule.given(work("W").totalValue(0).peopleContribution(0)).fails("no total value", ">= 50%");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.min-approval")
    void aDistrictSignNeedsEightyPercentApproval(RuleUnderTest rule) {
        rule.given(work("W").approval("80")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-work-sign.min-approval")
    void justBelowEightyPercentIsNotEnough(RuleUnderTest rule) {
        rule.given(work("W").approval("79.99")).fails("79.99", ">= 80");
    }

    // --- the signs, whole evaluations ---

    /** Exactly at every city threshold in the rule set's first year. */
    private static NominationBuilder cityEdge(int year) {
        return work("W").completedDate(LocalDate.of(year, 9, 30)).totalValue(100_000_000).peopleContribution(70_000_000)
                .approval("90").beneficiaries(500);
    }

    /** Exactly at every district threshold (and below the city ones for total, share and approval). */
    private static NominationBuilder districtEdge() {
        return work("W").completedDate("2024-09-30").totalValue(50_000_000).peopleContribution(25_000_000)
                .approval("80").beneficiaries(800);
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign")
    void aWorkAtEveryCityThresholdGetsTheCitySignOnly(TestRuleSet rules) {
        Decision d = rules.decide(cityEdge(rules.year()));
        assertThat(titles(d)).containsExactly(CITY);
        assertThat(d.notAwarded()).as("the district sign is not listed under why-not").isEmpty();
        assertThat(d.awards().get(0).rule()).isEqualTo("city-work-sign");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign")
    void theBuilderWorkGetsTheCitySignOnly(TestRuleSet rules) {
        Decision d = rules.decide(rules.work("W"));
        assertThat(titles(d)).containsExactly(CITY);
        assertThat(d.notAwarded()).isEmpty();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-work-sign")
    void everyCriterionTheCitySignMissesIsListed(TestRuleSet rules) {
        Decision d = rules.decide(cityEdge(rules.year()).completedDate(LocalDate.of(rules.year(), 10, 1))
                .totalValue(99_999_999).peopleContribution(10_000_000).approval("50").beneficiaries(10));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, CITY)).containsExactlyInAnyOrder(
                "months-in-use", "min-total-value", "people-share", "min-approval", "min-beneficiaries");
    }

    @Test
    void aWorkMissingTheCitySignGetsTheDistrictSign() {
        Decision d = decide(cityEdge(2024).totalValue(99_999_999));
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, CITY)).containsExactly("min-total-value");
        assertThat(notAwarded(d, DISTRICT)).isEmpty();
    }

    @Test
    void twoMonthsInUseMissBothSigns() {
        Decision d = decide(cityEdge(2024).completedDate("2024-10-01"));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, CITY)).containsExactly("months-in-use");
        assertThat(failed(d, DISTRICT)).containsExactly("months-in-use");
    }

    @Test
    void aWorkAtEveryDistrictThresholdGetsTheDistrictSign() {
        Decision d = decide(districtEdge());
        assertThat(titles(d)).containsExactly(DISTRICT);
        assertThat(failed(d, DISTRICT)).isEmpty();
        assertThat(failed(d, CITY)).containsExactlyInAnyOrder("min-total-value", "people-share", "min-approval");
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
