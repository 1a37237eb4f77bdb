package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Level;
import org.junit.jupiter.api.Test;

/** DISTRICT_GIAY_KHEN: DISTRICT_MODEL this year, score ≥ 75, no DISTRICT_GIAY_KHEN in Y-1 or Y-2. */
class DistrictGiayKhenRulesTest {
    private static final String TITLE = "DISTRICT_GIAY_KHEN";

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
        assertThat(miss.required()).isEqualTo("DISTRICT_MODEL awarded this year");
        assertThat(miss.rule()).isEqualTo("district-giay-khen.district-model-awarded");
        assertThat(miss.cite()).contains("art. 75");
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
    void scoreOfSeventyFiveIsEnoughAndSeventyMisses() {
        // months 20 + resources 20 + beneficiaries (5,000 → 20 | 1,000 → 15) + replication 1 → 10 + approval 70 → 5
        Decision enough = decide(model("M").replicationSites(1).approval("70"));
        assertThat(enough.score().total()).isEqualTo(75);
        assertThat(titles(enough)).contains("DISTRICT_MODEL", TITLE);

        Decision d = decide(model("M").beneficiaries(1_000).replicationSites(1).approval("70"));
        assertThat(d.score().total()).isEqualTo(70);
        assertThat(titles(d)).contains("DISTRICT_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-score");
        CriterionOutcome miss = failure(d, TITLE, "min-score");
        assertThat(miss.actual()).isEqualTo("70");
        assertThat(miss.required()).isEqualTo(">= 75");
        assertThat(miss.rule()).isEqualTo("district-giay-khen.min-score");
    }

    @Test
    void aGiayKhenTheYearBeforeBlocksIt() {
        Decision d = decide(model("M").prior(2023, Level.DISTRICT, TITLE));
        assertThat(titles(d)).contains("DISTRICT_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("no-repeat-giay-khen");
        CriterionOutcome miss = failure(d, TITLE, "no-repeat-giay-khen");
        assertThat(miss.actual()).isEqualTo("DISTRICT_GIAY_KHEN (DISTRICT) in 2023");
        assertThat(miss.required()).isEqualTo("no DISTRICT_GIAY_KHEN in 2022–2023");
        assertThat(miss.cite()).contains("art. 5(2)");
    }

    @Test
    void aGiayKhenTwoYearsBeforeBlocksIt() {
        Decision d = decide(model("M").prior(2022, Level.DISTRICT, TITLE));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("no-repeat-giay-khen");
        assertThat(failure(d, TITLE, "no-repeat-giay-khen").actual()).isEqualTo("DISTRICT_GIAY_KHEN (DISTRICT) in 2022");
    }

    @Test
    void aGiayKhenThreeYearsBeforeDoesNotBlockIt() {
        Decision d = decide(model("M").prior(2021, Level.DISTRICT, TITLE));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void aGiayKhenInTheEvaluationYearItselfIsOutsideTheWindow() {
        Decision d = decide(model("M").prior(2024, Level.DISTRICT, TITLE));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void theWindowCountsByTitleCodeWhateverTheLevel() {
        Decision city = decide(model("M").prior(2023, Level.CITY, TITLE));
        assertThat(titles(city)).doesNotContain(TITLE);
        assertThat(failed(city, TITLE)).containsExactly("no-repeat-giay-khen");
        assertThat(failure(city, TITLE, "no-repeat-giay-khen").actual()).isEqualTo("DISTRICT_GIAY_KHEN (CITY) in 2023");

        Decision commune = decide(model("M").prior(2022, Level.COMMUNE, TITLE));
        assertThat(failed(commune, TITLE)).containsExactly("no-repeat-giay-khen");

        // another title at district level in the window does not block
        assertThat(titles(decide(model("M").prior(2023, Level.DISTRICT, "Giấy khen UBND huyện")))).contains(TITLE);
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
