package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.decision;
import static dvk.testing.TestRules.evaluate;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.engine.Evaluation;
import org.junit.jupiter.api.Test;

/** CITY_BANG_KHEN: CITY_MODEL this year, score ≥ 90, approval ≥ 90, no CITY_BANG_KHEN in Y-1 or Y-2. */
class CityBangKhenRulesTest {
    private static final String TITLE = "CITY_BANG_KHEN";

    @Test
    void theBuilderModelGetsIt() {
        Decision d = decide(model("M"));
        assertThat(titles(d)).contains(TITLE, "CITY_MODEL");
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void withoutCityModelThisYearItMisses() {
        // replication 2 → score 90, approval 95: only CITY_MODEL (min-replication-sites) is missing
        Decision d = decide(model("M").replicationSites(2));
        assertThat(d.score().total()).isEqualTo(90);
        assertThat(titles(d)).doesNotContain("CITY_MODEL", TITLE);
        assertThat(failed(d, TITLE)).containsExactly("city-model-awarded");
        CriterionOutcome miss = failure(d, TITLE, "city-model-awarded");
        assertThat(miss.actual()).isEqualTo("CITY_MODEL not awarded");
        assertThat(miss.required()).isEqualTo("CITY_MODEL awarded this year");
        assertThat(miss.rule()).isEqualTo("city-bang-khen.city-model-awarded");
        assertThat(miss.cite()).contains("art. 74");
    }

    @Test
    void aCityModelQuotaLoserMissesIt() {
        // four models of 100 points: the one with the fewest beneficiaries is fourth
        Evaluation e = evaluate(
                model("K1").beneficiaries(8_000), model("K2").beneficiaries(7_000),
                model("K3").beneficiaries(6_000), model("K4").beneficiaries(5_000));
        Decision d = decision(e, "K4");
        assertThat(d.score().total()).isEqualTo(100);
        assertThat(failed(d, "CITY_MODEL")).containsExactly("district-quota");
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("city-model-awarded");
        assertThat(titles(decision(e, "K3"))).contains(TITLE);
    }

    @Test
    void scoreOfNinetyIsEnoughAndEightyFiveMisses() {
        // months 20 + resources 20 + beneficiaries (1,000 → 15 | 200 → 10) + replication 3 → 15 + approval 95 → 20
        Decision enough = decide(model("M").beneficiaries(1_000).replicationSites(3));
        assertThat(enough.score().total()).isEqualTo(90);
        assertThat(titles(enough)).contains("CITY_MODEL", TITLE);

        Decision d = decide(model("M").beneficiaries(200).replicationSites(3));
        assertThat(d.score().total()).isEqualTo(85);
        assertThat(titles(d)).contains("CITY_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-score");
        CriterionOutcome miss = failure(d, TITLE, "min-score");
        assertThat(miss.actual()).isEqualTo("85");
        assertThat(miss.required()).isEqualTo(">= 90");
        assertThat(miss.rule()).isEqualTo("city-bang-khen.min-score");
    }

    @Test
    void approvalOfNinetyIsEnoughAndJustBelowMisses() {
        assertThat(titles(decide(model("M").approval("90")))).contains(TITLE);
        // 89.99 → 10 points: score 90, still enough
        Decision d = decide(model("M").approval("89.99"));
        assertThat(d.score().total()).isEqualTo(90);
        assertThat(titles(d)).contains("CITY_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-approval");
        CriterionOutcome miss = failure(d, TITLE, "min-approval");
        assertThat(miss.actual()).isEqualTo("89.99");
        assertThat(miss.required()).isEqualTo(">= 90");
    }

    @Test
    void aBangKhenTheYearBeforeBlocksIt() {
        Decision d = decide(model("M").prior(2023, Level.CITY, TITLE));
        assertThat(titles(d)).contains("CITY_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("no-repeat-bang-khen");
        CriterionOutcome miss = failure(d, TITLE, "no-repeat-bang-khen");
        assertThat(miss.actual()).isEqualTo("CITY_BANG_KHEN (CITY) in 2023");
        assertThat(miss.required()).isEqualTo("no CITY_BANG_KHEN in 2022–2023");
        assertThat(miss.cite()).contains("art. 5(2)");
    }

    @Test
    void aBangKhenTwoYearsBeforeBlocksIt() {
        Decision d = decide(model("M").prior(2022, Level.CITY, TITLE));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("no-repeat-bang-khen");
    }

    @Test
    void aBangKhenThreeYearsBeforeDoesNotBlockIt() {
        Decision d = decide(model("M").prior(2021, Level.CITY, TITLE));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void aBangKhenInTheEvaluationYearItselfIsOutsideTheWindow() {
        assertThat(titles(decide(model("M").prior(2024, Level.CITY, TITLE)))).contains(TITLE);
    }

    @Test
    void theWindowCountsByTitleCodeWhateverTheLevel() {
        Decision d = decide(model("M").prior(2023, Level.DISTRICT, TITLE));
        assertThat(failed(d, TITLE)).containsExactly("no-repeat-bang-khen");
        assertThat(titles(decide(model("M").prior(2023, Level.CITY, "Bằng khen UBND thành phố")))).contains(TITLE);
    }

    @Test
    void everyFailedCriterionIsListed() {
        Decision d = decide(model("M").replicationSites(2).approval("85").prior(2022, Level.CITY, TITLE));
        // 20 + 20 + 20 + 10 + 10 = 80
        assertThat(d.score().total()).isEqualTo(80);
        assertThat(failed(d, TITLE)).containsExactlyInAnyOrder(
                "city-model-awarded", "min-score", "min-approval", "no-repeat-bang-khen");
    }
}
