package dvk.engine.rules;

import static dvk.testing.Facts.award;
import static dvk.testing.Facts.score;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.TestRules.decision;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.engine.Evaluation;
import dvk.testing.EveryRuleSetWith;
import dvk.testing.RuleVerifier.RuleUnderTest;
import dvk.testing.TestRuleSet;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * CITY_BANG_KHEN: CITY_MODEL this year, score ≥ 90, approval ≥ 90, no CITY_BANG_KHEN in Y-1 or Y-2.
 * Each criterion is tested on its own rule in every rule set that has it; the title, through whole
 * evaluations.
 */
class CityBangKhenRulesTest {
    private static final String TITLE = "CITY_BANG_KHEN";

    // --- criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.city-model-awarded")
    void aBangKhenNeedsTheCityModelThisYear(RuleUnderTest rule) {
        rule.given(model("M"), award("M", "CITY_MODEL")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.city-model-awarded")
    void withoutTheCityModelThereIsNoBangKhen(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(model("M"), award("M", "DISTRICT_MODEL"))
                .fails("CITY_MODEL not awarded", "CITY_MODEL awarded this year");
        assertThat(miss.title()).isEqualTo(TITLE);
        assertThat(miss.criterion()).isEqualTo("city-model-awarded");
        assertThat(miss.cite()).contains("art. 74");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.min-score")
    void aBangKhenNeedsNinetyPoints(RuleUnderTest rule) {
        rule.given(score("M", 90)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.min-score")
    void eightyNineIsNotEnough(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(score("M", 89)).fails("89", ">= 90");
        assertThat(miss.criterion()).isEqualTo("min-score");
        assertThat(miss.cite()).contains("art. 74(6)");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.min-approval")
    void aBangKhenNeedsNinetyPercentApproval(RuleUnderTest rule) {
        rule.given(model("M").approval("90")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.min-approval")
    void justBelowNinetyPercentIsNotEnough(RuleUnderTest rule) {
        rule.given(model("M").approval("89.99")).fails("89.99", ">= 90");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.no-repeat")
    void aBangKhenTheYearBeforeBlocksIt(RuleUnderTest rule) {
        int y = rule.year();
        CriterionOutcome miss = rule.given(model("M").prior(y - 1, Level.CITY, TITLE))
                .fails("CITY_BANG_KHEN (CITY) in " + (y - 1), "no CITY_BANG_KHEN in " + (y - 2) + "–" + (y - 1));
        assertThat(miss.criterion()).isEqualTo("no-repeat-bang-khen");
        assertThat(miss.cite()).contains("art. 5(2)");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.no-repeat")
    void aBangKhenTwoYearsBeforeBlocksIt(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").prior(y - 2, Level.CITY, TITLE))
                .fails("CITY_BANG_KHEN (CITY) in " + (y - 2), "no CITY_BANG_KHEN in " + (y - 2) + "–" + (y - 1));
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.no-repeat")
    void aBangKhenThreeYearsBeforeDoesNotBlockIt(RuleUnderTest rule) {
        rule.given(model("M").prior(rule.year() - 3, Level.CITY, TITLE)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.no-repeat")
    void aBangKhenInTheEvaluationYearItselfIsOutsideTheWindow(RuleUnderTest rule) {
        rule.given(model("M").prior(rule.year(), Level.CITY, TITLE)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen.no-repeat")
    void theWindowCountsByTitleCodeWhateverTheLevel(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").prior(y - 1, Level.DISTRICT, TITLE))
                .fails("CITY_BANG_KHEN (DISTRICT) in " + (y - 1), "no CITY_BANG_KHEN in " + (y - 2) + "–" + (y - 1));
        rule.given(model("M").prior(y - 1, Level.CITY, "Bằng khen UBND thành phố")).passes();
    }

    // --- the title, whole evaluations ---

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen")
    void theBuilderModelGetsIt(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M"));
        assertThat(titles(d)).contains(TITLE, "CITY_MODEL");
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen")
    void withoutCityModelThisYearItMisses(TestRuleSet rules) {
        // two replication sites: CITY_MODEL misses min-replication-sites, the Bằng khen only its prerequisite
        Decision d = rules.decide(rules.model("M").replicationSites(2));
        assertThat(titles(d)).doesNotContain("CITY_MODEL", TITLE);
        assertThat(failed(d, "CITY_MODEL")).containsExactly("min-replication-sites");
        assertThat(failed(d, TITLE)).containsExactly("city-model-awarded");
        CriterionOutcome miss = failure(d, TITLE, "city-model-awarded");
        assertThat(miss.actual()).isEqualTo("CITY_MODEL not awarded");
        assertThat(miss.rule()).isEqualTo("city-bang-khen.city-model-awarded");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen")
    void aCityModelQuotaLoserMissesIt(TestRuleSet rules) {
        // four models of 100 points: the one with the fewest beneficiaries is fourth
        Evaluation e = rules.evaluate(
                rules.model("K1").beneficiaries(8_000), rules.model("K2").beneficiaries(7_000),
                rules.model("K3").beneficiaries(6_000), rules.model("K4").beneficiaries(5_000));
        Decision d = decision(e, "K4");
        assertThat(failed(d, "CITY_MODEL")).containsExactly("district-quota");
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("city-model-awarded");
        assertThat(titles(decision(e, "K3"))).contains(TITLE);
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-bang-khen")
    void everyFailedCriterionIsListed(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M").replicationSites(2).approval("85")
                .prior(rules.year() - 2, Level.CITY, TITLE));
        // replication 2 → 10 points, approval 85 → 10: score 80
        assertThat(d.score().total()).isEqualTo(80);
        assertThat(failed(d, TITLE)).containsExactlyInAnyOrder(
                "city-model-awarded", "min-score", "min-approval", "no-repeat-bang-khen");
    }
}
