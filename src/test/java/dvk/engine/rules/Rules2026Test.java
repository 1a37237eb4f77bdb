package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.decision;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.domain.NotAwarded;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.testing.TestRuleSet;
import dvk.testing.TestRules;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What rules/2026 has and lacks, through whole evaluations of 2026 batches: from 1 July 2025 local
 * government has two levels, so there are no district titles, and CITY_MODEL's prerequisite is a
 * COMMUNE-level recognition in Y-3..Y-1 in place of a DISTRICT_MODEL. Everything else is the
 * 2024–2025 policy, tested in both rule sets by the other rule tests.
 */
class Rules2026Test {
    private static final TestRuleSet RULES = TestRules.ruleSet("2026");
    private static final String TITLE = "CITY_MODEL";

    @Test
    void theRuleSetIsTheOneBeforeWithoutTheDistrictTitles() {
        Set<String> before = new TreeSet<>(TestRules.ruleSet("2024-2025").rules().rulesById().keySet());
        before.removeIf(id -> id.startsWith("district-"));
        before.remove("city-model.prior-district-model");
        before.add("city-model.commune-recognition");
        assertThat(new TreeSet<>(RULES.rules().rulesById().keySet())).isEqualTo(before);
        assertThat(RULES.rules().titles()).extracting(TitleDefinition::code)
                .containsExactly("CITY_MODEL", "CITY_BANG_KHEN", "CITY_WORK_SIGN");
        assertThat(RULES.year()).isEqualTo(2026);
        assertThat(RULES.rules().years().to()).as("open-ended").isNull();
    }

    @Test
    void aModelWithEveryCriterionGetsTheCityTitlesAndHearsOfNoDistrictTitle() {
        Decision d = RULES.decide(RULES.model("M"));
        assertThat(titles(d)).containsExactly("CITY_BANG_KHEN", "CITY_MODEL");
        assertThat(d.notAwarded()).isEmpty();

        Decision failing = RULES.decide(RULES.model("M").report(false));
        assertThat(failing.awards()).isEmpty();
        assertThat(failing.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder("CITY_MODEL", "CITY_BANG_KHEN");
        assertThat(failing.outcomes()).extracting(CriterionOutcome::title).doesNotContain("DISTRICT_MODEL", "DISTRICT_GIAY_KHEN");
    }

    @Test
    void aWorkMissingTheCitySignGetsNoSignAtAll() {
        // until 2025 the district sign: total 50 M (≥ 50 M, < 100 M), half from the people, approval 80
        Decision d = RULES.decide(work("W").totalValue(50_000_000).peopleContribution(25_000_000).approval("80"));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title).containsExactly("CITY_WORK_SIGN");
        assertThat(failed(d, "CITY_WORK_SIGN")).containsExactlyInAnyOrder("min-total-value", "people-share", "min-approval");
    }

    @Test
    void aCommuneRecognitionTheYearBeforeMakesACityModelWithoutAnyDistrictModel() {
        Decision d = RULES.decide(model("M").noPriors().prior(2025, Level.COMMUNE, "COMMUNE_MODEL"));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
        assertThat(d.awards()).filteredOn(a -> a.title().equals(TITLE)).extracting(a -> a.rule()).containsExactly("city-model");
    }

    @Test
    void aDistrictModelNoLongerMakesACityModel() {
        // the builder's model until 2025: a COMMUNE recognition in 2022, a DISTRICT_MODEL in 2023
        Decision d = RULES.decide(model("M"));
        assertThat(titles(d)).doesNotContain(TITLE, "CITY_BANG_KHEN");
        assertThat(failed(d, TITLE)).containsExactly("commune-recognition");
        CriterionOutcome miss = failure(d, TITLE, "commune-recognition");
        assertThat(miss.actual()).isEqualTo("COMMUNE_MODEL (COMMUNE) in 2022");
        assertThat(miss.required()).isEqualTo("a COMMUNE recognition in 2023–2025");
        assertThat(miss.rule()).isEqualTo("city-model.commune-recognition");
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactly("city-model-awarded");
    }

    @Test
    void aCommuneRecognitionInTheEvaluationYearOrFourYearsBackMakesNoCityModel() {
        for (int year : new int[] {2026, 2022}) {
            Decision d = RULES.decide(model("M").noPriors().prior(year, Level.COMMUNE, "COMMUNE_MODEL"));
            assertThat(titles(d)).as("recognized in " + year).doesNotContain(TITLE);
            assertThat(failed(d, TITLE)).as("recognized in " + year).containsExactly("commune-recognition");
        }
    }

    @Test
    void aRecognitionAtAnotherLevelMakesNoCityModel() {
        Decision d = RULES.decide(model("M").noPriors().prior(2025, Level.DISTRICT, "COMMUNE_MODEL")
                .prior(2024, Level.CITY, "Bằng khen"));
        assertThat(failed(d, TITLE)).containsExactly("commune-recognition");
        assertThat(failure(d, TITLE, "commune-recognition").actual()).isEqualTo("no COMMUNE recognition");
    }

    @Test
    void aNominationWithoutTheCommuneRecognitionTakesNoPlaceInTheQuota() {
        // X has the best score and id but its commune recognition is from 2022
        Evaluation e = RULES.evaluate(model("A-X").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL"),
                RULES.model("Q1"), RULES.model("Q2"), RULES.model("Q3").beneficiaries(50));
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
            assertThat(failed(decision(e, id), TITLE)).as(id).isEmpty();
        }
        Decision x = decision(e, "A-X");
        assertThat(failed(x, TITLE)).containsExactly("commune-recognition");
        assertThat(x.outcomes()).extracting(CriterionOutcome::criterion).doesNotContain("district-quota");
    }

    @Test
    void aCityModelStandsOnItsOwnCriteria() {
        // approval 60 earns no points: score 80, enough for CITY_MODEL, which asks no approval, not for the Bằng khen
        Decision d = RULES.decide(RULES.model("M").approval("60"));
        assertThat(d.score().total()).isEqualTo(80);
        assertThat(titles(d)).containsExactly(TITLE);
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactlyInAnyOrder("min-score", "min-approval");
    }
}
