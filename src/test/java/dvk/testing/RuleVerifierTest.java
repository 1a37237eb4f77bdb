package dvk.testing;

import static dvk.testing.Facts.measures;
import static dvk.testing.Facts.score;
import static dvk.testing.NominationBuilder.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.CriterionOutcome;
import dvk.domain.Measures;
import dvk.testing.RuleVerifier.RuleUnderTest;
import org.junit.jupiter.api.Test;

/** The verifier fires only the rule it names, and says what went wrong in terms of that rule. */
class RuleVerifierTest {
    private static final RuleVerifier RULES_2024 = TestRules.ruleSet("2024-2025").verifier();

    @Test
    void onlyTheRuleUnderTestFires() {
        // the months and score rules would match these facts too, and the measures rule the nomination
        RuleVerifier.Given given = RULES_2024.rule("city-model.months-running").given(model("M"), measures("M").months(24));
        assertThat(given.derived(Object.class)).singleElement().isInstanceOf(CriterionOutcome.class);
        assertThat(given.passes().rule()).isEqualTo("city-model.months-running");
    }

    @Test
    void theSessionHasTheRuleSetsFirstYearUnlessAnotherIsGiven() {
        RuleUnderTest rule = RULES_2024.rule("eligibility.no-recent-violation");
        assertThat(rule.year()).isEqualTo(2024);
        rule.given(model("M").violation(2023)).fails("violation in 2023: vi phạm năm 2023", "no violation in 2023–2024");
        rule.given(model("M").violation(2023), Facts.year(2025)).passes();
    }

    @Test
    void aFailureWhereAPassWasExpectedShowsTheOutcome() {
        assertThatThrownBy(() -> RULES_2024.rule("city-bang-khen.min-score").given(score("M", 89)).passes())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected city-bang-khen.min-score to pass M, but it failed: "
                        + "M failed min-score: 89, required >= 90\n  given: Score[nominationId=M, total=89, parts=[]]");
    }

    @Test
    void aPassOrOtherValuesWhereAFailureWasExpectedShowTheOutcome() {
        RuleUnderTest rule = RULES_2024.rule("city-bang-khen.min-score");
        assertThatThrownBy(() -> rule.given(score("M", 90)).fails("90", ">= 90"))
                .hasMessageStartingWith("expected city-bang-khen.min-score to fail M with 90, required >= 90, "
                        + "but it passed: M passed min-score: 90, required >= 90");
        assertThatThrownBy(() -> rule.given(score("M", 85)).fails("85", ">= 80"))
                .hasMessageStartingWith("expected city-bang-khen.min-score to fail M with 85, required >= 80, "
                        + "but it failed: M failed min-score: 85, required >= 90");
    }

    @Test
    void aRuleThatDoesNotFireIsNamedWithItsFileAndLine() {
        // no Measures: the months rule has nothing to compare
        assertThatThrownBy(() -> RULES_2024.rule("city-model.months-running").given(model("M")).passes())
                .hasMessageMatching("(?s)city-model.months-running \\(.*city-model.drl:\\d+\\) did not fire\n"
                        + "  given: Nomination M \\(MODEL\\), EvaluationYear\\[year=2024\\]\n  in rules/2024-2025");
    }

    @Test
    void anOutcomeForAnotherNominationIsNamed() {
        assertThatThrownBy(() -> RULES_2024.rule("city-bang-khen.min-score").given(model("M"), score("X", 95)).passes())
                .hasMessageContaining("city-bang-khen.min-score (")
                .hasMessageContaining(") fired for X, not for M: X passed min-score: 95, required >= 90");
        // naming the nomination the outcome is about
        RULES_2024.rule("city-bang-khen.min-score").given(model("M"), score("X", 95)).about("X").passes();
    }

    @Test
    void aRuleThatDecidesNoCriterionSaysWhatItDerived() {
        RuleVerifier.Given given = RULES_2024.rule("measures").given(model("M").startDate("2022-12-31"));
        assertThatThrownBy(given::passes).hasMessageContaining("fired once but decided no criterion; it derived [Measures[");
        assertThat(given.derivedOne(Measures.class).months()).isEqualTo(24);
    }

    @Test
    void aRuleThatFiresWhereItShouldNotSaysWhatItDerived() {
        assertThatThrownBy(() -> RULES_2024.rule("city-bang-khen.min-score").given(score("M", 95)).doesNotFire())
                .hasMessageContaining("not to fire, but it fired once and derived [CriterionOutcome[nominationId=M");
    }

    @Test
    void anIdTheRuleSetLacksIsRefusedWithTheIdsItHas() {
        assertThatThrownBy(() -> TestRules.ruleSet("2026").verifier().rule("city-model.prior-district-model"))
                .hasMessageStartingWith("rules/2026 has no rule with @id(\"city-model.prior-district-model\"); its rules: [")
                .hasMessageContaining("city-model.commune-recognition");
    }
}
