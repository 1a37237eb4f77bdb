package dvk.engine.rules;

import static dvk.testing.Facts.measures;
import static dvk.testing.Facts.score;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.testing.EveryRuleSetWith;
import dvk.testing.RuleVerifier.RuleUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * DISTRICT_MODEL (until 2025): months ≥ 12, score ≥ 60, approval ≥ 70, a COMMUNE recognition in Y
 * or before. Each criterion is tested on its own rule in every rule set that has it; the title,
 * through whole evaluations.
 */
class DistrictModelRulesTest {
    private static final String TITLE = "DISTRICT_MODEL";

    // --- criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("district-model.months-running")
    void aDistrictModelHasRunForTwelveMonths(RuleUnderTest rule) {
        rule.given(model("M"), measures("M").months(12)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.months-running")
    void elevenMonthsAreNotEnough(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(model("M"), measures("M").months(11)).fails("11", ">= 12");
        assertThat(miss.title()).isEqualTo(TITLE);
        assertThat(miss.criterion()).isEqualTo("months-running");
        assertThat(miss.cite()).contains("70-KH/BDVTW");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.min-score")
    void aDistrictModelNeedsSixtyPoints(RuleUnderTest rule) {
        rule.given(score("M", 60)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.min-score")
    void fiftyNineIsNotEnough(RuleUnderTest rule) {
        rule.given(score("M", 59)).fails("59", ">= 60");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.min-approval")
    void aDistrictModelNeedsSeventyPercentApproval(RuleUnderTest rule) {
        rule.given(model("M").approval("70")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.min-approval")
    void justBelowSeventyPercentIsNotEnough(RuleUnderTest rule) {
        rule.given(model("M").approval("69.9")).fails("69.9", ">= 70");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.commune-recognition")
    void aCommuneRecognitionUpToTheEvaluationYearCounts(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y, Level.COMMUNE, "COMMUNE_MODEL")).passes();
        rule.given(model("M").noPriors().prior(y - 10, Level.COMMUNE, "COMMUNE_MODEL")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.commune-recognition")
    void aCommuneRecognitionOfTheNextYearDoesNotCount(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y + 1, Level.COMMUNE, "COMMUNE_MODEL"))
                .fails("COMMUNE_MODEL (COMMUNE) in " + (y + 1), "a COMMUNE recognition in " + y + " or before");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-model.commune-recognition")
    void theCommuneRecognitionCountsByLevelNotTitleCode(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y - 1, Level.DISTRICT, "COMMUNE_MODEL"))
                .fails("no COMMUNE recognition", "a COMMUNE recognition in " + y + " or before");
        rule.given(model("M").noPriors().prior(y - 1, Level.COMMUNE, "Giấy khen UBND xã")).passes();
    }

    // --- the title, whole evaluations ---

    @Test
    void theBuilderModelGetsIt() {
        Decision d = decide(model("M"));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void everyFailedCriterionIsListed() {
        // 6 months, approval 60, no replication, 200 beneficiaries, no recognition: every criterion misses
        Decision d = decide(model("M").startDate("2024-06-01").approval("60").replicationSites(0).noPriors()
                .beneficiaries(200));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactlyInAnyOrder("months-running", "min-score", "min-approval",
                "commune-recognition");
    }

    @Test
    void anIneligibleModelGetsNoTitleAndHearsEveryReason() {
        Decision d = decide(model("M").report(false).startDate("2024-06-01"));
        assertThat(d.awards()).isEmpty();
        assertThat(failed(d, TITLE)).containsExactlyInAnyOrder("complete-dossier", "months-running");
        assertThat(d.notAwarded().get(0).failed().get(0).criterion())
                .as("eligibility is listed first").isEqualTo("complete-dossier");
    }
}
