package dvk.engine.rules;

import static dvk.testing.Facts.measures;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.notAwarded;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NominationType;
import dvk.domain.NotAwarded;
import dvk.testing.EveryRuleSetWith;
import dvk.testing.RuleVerifier.RuleUnderTest;
import dvk.testing.TestRuleSet;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * E1 complete dossier (works also need acceptance), E2 no violation in Y or Y-1, E3 already
 * running: failing one loses every title. Each criterion is tested on its own rule in every rule
 * set; losing every title, through whole evaluations in every rule set.
 */
class EligibilityRulesTest {

    // --- criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.model")
    void aModelDossierHasTheReportAndTheConfirmation(RuleUnderTest rule) {
        CriterionOutcome complete = rule.given(model("M")).passes();
        assertThat(complete.title()).as("eligibility binds every title").isEqualTo(CriterionOutcome.EVERY_TITLE);
        assertThat(complete.criterion()).isEqualTo("complete-dossier");
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.model")
    void aModelDossierWithoutTheReportIsIncomplete(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(model("M").report(false)).fails("missing report", "report, confirmation");
        assertThat(miss.cite()).contains("dvk reference policy");
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.model")
    void eachMissingDocumentIsNamed(RuleUnderTest rule) {
        rule.given(model("M").confirmation(false)).fails("missing confirmation", "report, confirmation");
        rule.given(model("M").report(false).confirmation(false)).fails("missing report, confirmation", "report, confirmation");
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.model")
    void aModelNeedsNoAcceptance(RuleUnderTest rule) {
        rule.given(model("M").acceptance(false)).passes();
        rule.given(work("W")).doesNotFire();
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.work")
    void aWorkDossierAlsoHasTheAcceptance(RuleUnderTest rule) {
        rule.given(work("W")).passes();
        rule.given(work("W").acceptance(false)).fails("missing acceptance", "report, confirmation, acceptance");
        rule.given(work("W").report(false).confirmation(false))
                .fails("missing report, confirmation", "report, confirmation, acceptance");
        rule.given(model("M")).doesNotFire();
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void aViolationInTheEvaluationYearMakesANominationIneligible(RuleUnderTest rule) {
        int y = rule.year();
        CriterionOutcome miss = rule.given(model("M").violation(y))
                .fails("violation in " + y + ": vi phạm năm " + y, "no violation in " + (y - 1) + "–" + y);
        assertThat(miss.title()).isEqualTo(CriterionOutcome.EVERY_TITLE);
        assertThat(miss.cite()).contains("06/2022/QH15");
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void aViolationTheYearBeforeToo(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").violation(y - 1))
                .fails("violation in " + (y - 1) + ": vi phạm năm " + (y - 1), "no violation in " + (y - 1) + "–" + y);
        rule.given(work("W").violation(y - 1))
                .fails("violation in " + (y - 1) + ": vi phạm năm " + (y - 1), "no violation in " + (y - 1) + "–" + y);
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void aViolationTwoYearsBackOrAfterTheYearDoesNotCount(RuleUnderTest rule) {
        int y = rule.year();
        assertThat(rule.given(model("M").violation(y - 2)).passes().actual()).isEqualTo("none");
        rule.given(model("M").violation(y + 1)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void everyViolationInTheWindowIsNamed(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").violation(y - 1).violation(y).violation(y - 2)).fails(
                "violation in " + (y - 1) + ": vi phạm năm " + (y - 1) + "; violation in " + y + ": vi phạm năm " + y,
                "no violation in " + (y - 1) + "–" + y);
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.already-running")
    void aNominationRunningOnTheReferenceDateIsEligible(RuleUnderTest rule) {
        rule.given(model("M"), measures("M").months(0)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.already-running")
    void aNominationStartingAfterTheReferenceDateIsNot(RuleUnderTest rule) {
        // validation rejects such records before any rule sees them; the rule still states E3
        rule.given(work("W"), measures("W").months(-1)).fails("-1", ">= 0");
    }

    // --- every title lost, whole evaluations ---

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.model")
    void aCompleteModelGetsEveryModelTitle(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M"));
        assertThat(titles(d)).containsExactlyInAnyOrderElementsOf(rules.titles(NominationType.MODEL));
        assertThat(d.notAwarded()).isEmpty();
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.model")
    void aModelWithoutReportGetsNoTitle(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M").report(false));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title)
                .containsExactlyInAnyOrderElementsOf(rules.titles(NominationType.MODEL));
        assertThat(failed(d, "CITY_MODEL")).containsExactly("complete-dossier");
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactlyInAnyOrder("complete-dossier", "city-model-awarded");
        for (String title : rules.titles(NominationType.MODEL)) {
            CriterionOutcome miss = failure(d, title, "complete-dossier");
            assertThat(miss.actual()).isEqualTo("missing report");
            assertThat(miss.rule()).isEqualTo("eligibility.complete-dossier.model");
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.work")
    void aWorkWithoutAcceptanceGetsNoSign(TestRuleSet rules) {
        Decision d = rules.decide(rules.work("W").acceptance(false));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title)
                .containsExactlyInAnyOrderElementsOf(rules.titles(NominationType.WORK));
        for (String title : rules.titles(NominationType.WORK)) {
            assertThat(failed(d, title)).containsExactly("complete-dossier");
            assertThat(failure(d, title, "complete-dossier").rule()).isEqualTo("eligibility.complete-dossier.work");
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void aViolationInTheEvaluationYearBlocksEveryTitle(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M").violation(rules.year()));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title)
                .containsExactlyInAnyOrderElementsOf(rules.titles(NominationType.MODEL));
        assertThat(failed(d, "CITY_MODEL")).containsExactly("no-recent-violation");
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactlyInAnyOrder("no-recent-violation", "city-model-awarded");
        for (String title : rules.titles(NominationType.MODEL)) {
            assertThat(failed(d, title)).contains("no-recent-violation");
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void violationsBlockWorksToo(TestRuleSet rules) {
        Decision d = rules.decide(rules.work("W").violation(rules.year() - 1));
        assertThat(d.awards()).isEmpty();
        for (String title : rules.titles(NominationType.WORK)) {
            assertThat(failed(d, title)).containsExactly("no-recent-violation");
        }
        assertThat(titles(rules.decide(rules.work("W").violation(rules.year() - 2)))).containsExactly("CITY_WORK_SIGN");
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.no-recent-violation")
    void eligibilityFailuresComeBeforeTitleCriteria(TestRuleSet rules) {
        // city-model.drl is read before eligibility.drl: ordering by rule file alone would put replication first
        Decision d = rules.decide(rules.model("M").violation(rules.year()).report(false).replicationSites(2));
        assertThat(notAwarded(d, "CITY_MODEL").orElseThrow().failed()).extracting(CriterionOutcome::criterion)
                .containsExactly("complete-dossier", "no-recent-violation", "min-replication-sites");
        assertThat(notAwarded(d, "CITY_BANG_KHEN").orElseThrow().failed()).extracting(CriterionOutcome::criterion)
                .containsExactly("complete-dossier", "no-recent-violation", "city-model-awarded");
        for (NotAwarded missed : d.notAwarded()) {
            assertThat(missed.failed().get(0).title()).as(missed.title()).isEqualTo("*");
            assertThat(missed.failed().get(1).title()).as(missed.title()).isEqualTo("*");
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("eligibility.complete-dossier.work")
    void workEligibilityFailuresComeFirstToo(TestRuleSet rules) {
        Decision d = rules.decide(rules.work("W").acceptance(false).approval("79"));
        for (String title : rules.titles(NominationType.WORK)) {
            assertThat(notAwarded(d, title).orElseThrow().failed()).as(title).extracting(CriterionOutcome::criterion)
                    .containsExactly("complete-dossier", "min-approval");
        }
    }
}
