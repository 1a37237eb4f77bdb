package dvk.engine.rules;

import static dvk.testing.Facts.award;
import static dvk.testing.Facts.score;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
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
 * DISTRICT_GIAY_KHEN (until 2025): DISTRICT_MODEL this year, score ≥ 75, no DISTRICT_GIAY_KHEN in
 * Y-1 or Y-2. Each criterion is tested on its own rule in every rule set that has it; the title,
 * through whole evaluations.
 */
class DistrictGiayKhenRulesTest {
    private static final String TITLE = "DISTRICT_GIAY_KHEN";

    // --- criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.district-model-awarded")
    void aGiayKhenNeedsTheDistrictModelThisYear(RuleUnderTest rule) {
        rule.given(model("M"), award("M", "DISTRICT_MODEL")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.district-model-awarded")
    void withoutTheDistrictModelThereIsNoGiayKhen(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(model("M"), award("M", "CITY_MODEL"))
                .fails("DISTRICT_MODEL not awarded", "DISTRICT_MODEL awarded this year");
        assertThat(miss.title()).isEqualTo(TITLE);
        assertThat(miss.criterion()).isEqualTo("district-model-awarded");
        assertThat(miss.cite()).contains("art. 75");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.min-score")
    void aGiayKhenNeedsSeventyFivePoints(RuleUnderTest rule) {
        rule.given(score("M", 75)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.min-score")
    void seventyFourIsNotEnough(RuleUnderTest rule) {
        assertThat(rule.given(score("M", 74)).fails("74", ">= 75").criterion()).isEqualTo("min-score");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.no-repeat")
    void aGiayKhenTheYearBeforeBlocksIt(RuleUnderTest rule) {
        int y = rule.year();
        CriterionOutcome miss = rule.given(model("M").prior(y - 1, Level.DISTRICT, TITLE))
                .fails("DISTRICT_GIAY_KHEN (DISTRICT) in " + (y - 1), "no DISTRICT_GIAY_KHEN in " + (y - 2) + "–" + (y - 1));
        assertThat(miss.criterion()).isEqualTo("no-repeat-giay-khen");
        assertThat(miss.cite()).contains("art. 5(2)");
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.no-repeat")
    void aGiayKhenTwoYearsBeforeBlocksIt(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").prior(y - 2, Level.DISTRICT, TITLE))
                .fails("DISTRICT_GIAY_KHEN (DISTRICT) in " + (y - 2), "no DISTRICT_GIAY_KHEN in " + (y - 2) + "–" + (y - 1));
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.no-repeat")
    void aGiayKhenThreeYearsBeforeDoesNotBlockIt(RuleUnderTest rule) {
        rule.given(model("M").prior(rule.year() - 3, Level.DISTRICT, TITLE)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.no-repeat")
    void aGiayKhenInTheEvaluationYearItselfIsOutsideTheWindow(RuleUnderTest rule) {
        rule.given(model("M").prior(rule.year(), Level.DISTRICT, TITLE)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("district-giay-khen.no-repeat")
    void theWindowCountsByTitleCodeWhateverTheLevel(RuleUnderTest rule) {
        int y = rule.year();
        String required = "no DISTRICT_GIAY_KHEN in " + (y - 2) + "–" + (y - 1);
        rule.given(model("M").prior(y - 1, Level.CITY, TITLE)).fails("DISTRICT_GIAY_KHEN (CITY) in " + (y - 1), required);
        rule.given(model("M").prior(y - 2, Level.COMMUNE, TITLE)).fails("DISTRICT_GIAY_KHEN (COMMUNE) in " + (y - 2), required);
        // another title at district level in the window does not block
        rule.given(model("M").prior(y - 1, Level.DISTRICT, "Giấy khen UBND huyện")).passes();
    }

    // --- the title, whole evaluations ---

    @Test
    void theBuilderModelGetsIt() {
        Decision d = decide(model("M"));
        assertThat(titles(d)).contains(TITLE, "DISTRICT_MODEL");
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void withoutDistrictModelThisYearItMisses() {
        // commune recognition missing: DISTRICT_MODEL fails, everything else of the Giấy khen holds
        Decision d = decide(model("M").noPriors().prior(2023, Level.DISTRICT, "DISTRICT_MODEL"));
        assertThat(titles(d)).doesNotContain("DISTRICT_MODEL", TITLE);
        assertThat(failed(d, "DISTRICT_MODEL")).containsExactly("commune-recognition");
        assertThat(failed(d, TITLE)).containsExactly("district-model-awarded");
        CriterionOutcome miss = failure(d, TITLE, "district-model-awarded");
        assertThat(miss.actual()).isEqualTo("DISTRICT_MODEL not awarded");
        assertThat(miss.rule()).isEqualTo("district-giay-khen.district-model-awarded");
    }

    @Test
    void aModelMissingDistrictModelOnlyByApprovalListsTheGiayKhenPrerequisite() {
        // approval 69.99 → 0 points: score 80, still ≥ 75
        Decision d = decide(model("M").approval("69.99"));
        assertThat(d.score().total()).isEqualTo(80);
        assertThat(titles(d)).doesNotContain("DISTRICT_MODEL", TITLE);
        assertThat(failed(d, "DISTRICT_MODEL")).containsExactly("min-approval");
        assertThat(failed(d, TITLE)).containsExactly("district-model-awarded");
    }

    @Test
    void aGiayKhenTheYearBeforeWithholdsTheTitleButNotTheDistrictModel() {
        Decision d = decide(model("M").prior(2023, Level.DISTRICT, TITLE));
        assertThat(titles(d)).contains("DISTRICT_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("no-repeat-giay-khen");
    }

    @Test
    void everyFailedCriterionIsListed() {
        Decision d = decide(model("M").approval("60").beneficiaries(1_000).replicationSites(1)
                .prior(2023, Level.DISTRICT, TITLE));
        // 20 + 20 + 15 + 10 + 0 = 65
        assertThat(d.score().total()).isEqualTo(65);
        assertThat(failed(d, TITLE)).containsExactlyInAnyOrder("district-model-awarded", "min-score", "no-repeat-giay-khen");
    }
}
