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

/** DISTRICT_MODEL: months ≥ 12, score ≥ 60, approval ≥ 70, a COMMUNE recognition in Y or before. */
class DistrictModelRulesTest {
    private static final String TITLE = "DISTRICT_MODEL";

    @Test
    void twelveMonthsRunningIsEnough() {
        Decision d = decide(model("M").startDate("2023-12-31"));
        assertThat(titles(d)).contains(TITLE);
    }

    @Test
    void elevenMonthsRunningMisses() {
        Decision d = decide(model("M").startDate("2024-01-01"));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("months-running");
        CriterionOutcome miss = failure(d, TITLE, "months-running");
        assertThat(miss.actual()).isEqualTo("11");
        assertThat(miss.required()).isEqualTo(">= 12");
        assertThat(miss.rule()).isEqualTo("district-model.months-running");
        assertThat(miss.cite()).contains("70-KH/BDVTW");
    }

    @Test
    void scoreOfSixtyIsEnoughAndFiftyFiveMisses() {
        // months 20 + resources 20 + beneficiaries (1,000 → 15 | 200 → 10) + replication 0 + approval 70 → 5
        Decision sixty = decide(model("M").beneficiaries(1_000).replicationSites(0).approval("70"));
        assertThat(sixty.score().total()).isEqualTo(60);
        assertThat(titles(sixty)).contains(TITLE);

        Decision d = decide(model("M").beneficiaries(200).replicationSites(0).approval("70"));
        assertThat(d.score().total()).isEqualTo(55);
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-score");
        assertThat(failure(d, TITLE, "min-score").actual()).isEqualTo("55");
        assertThat(failure(d, TITLE, "min-score").required()).isEqualTo(">= 60");
    }

    @Test
    void approvalOfSeventyIsEnoughAndJustBelowMisses() {
        assertThat(titles(decide(model("M").approval("70")))).contains(TITLE);
        Decision d = decide(model("M").approval("69.9"));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-approval");
        assertThat(failure(d, TITLE, "min-approval").actual()).isEqualTo("69.9");
    }

    @Test
    void communeRecognitionCountsUpToTheEvaluationYear() {
        assertThat(titles(decide(model("M").noPriors().prior(2024, Level.COMMUNE, "COMMUNE_MODEL")
                .prior(2023, Level.DISTRICT, "DISTRICT_MODEL")))).contains(TITLE);
        Decision d = decide(model("M").noPriors().prior(2025, Level.COMMUNE, "COMMUNE_MODEL")
                .prior(2023, Level.DISTRICT, "DISTRICT_MODEL"));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("commune-recognition");
    }

    @Test
    void communeRecognitionCountsByLevelNotTitleCode() {
        Decision d = decide(model("M").noPriors().prior(2023, Level.DISTRICT, "COMMUNE_MODEL"));
        assertThat(failed(d, TITLE)).containsExactly("commune-recognition");
        assertThat(titles(decide(model("M").noPriors().prior(2023, Level.COMMUNE, "Giấy khen UBND xã"))))
                .contains(TITLE);
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
