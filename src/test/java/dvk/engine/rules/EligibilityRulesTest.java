package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.decide;
import static dvk.testing.TestRules.failed;
import static dvk.testing.TestRules.failure;
import static dvk.testing.TestRules.notAwarded;
import static dvk.testing.TestRules.titles;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import org.junit.jupiter.api.Test;

/** E1 complete dossier (works also need acceptance), E2 no violation in Y or Y-1: failing one loses every title. */
class EligibilityRulesTest {
    private static final String[] MODEL_TITLES = {"DISTRICT_MODEL", "DISTRICT_GIAY_KHEN", "CITY_MODEL", "CITY_BANG_KHEN"};
    private static final String[] WORK_TITLES = {"DISTRICT_WORK_SIGN", "CITY_WORK_SIGN"};

    @Test
    void aCompleteModelGetsEveryModelTitle() {
        Decision d = decide(model("M"));
        assertThat(titles(d)).containsExactlyInAnyOrder(MODEL_TITLES);
        assertThat(d.notAwarded()).isEmpty();
    }

    @Test
    void aModelWithoutReportGetsNoTitle() {
        Decision d = decide(model("M").report(false));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder(MODEL_TITLES);
        assertThat(failed(d, "DISTRICT_MODEL")).containsExactly("complete-dossier");
        assertThat(failed(d, "CITY_MODEL")).containsExactly("complete-dossier");
        assertThat(failed(d, "DISTRICT_GIAY_KHEN")).containsExactlyInAnyOrder("complete-dossier", "district-model-awarded");
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactlyInAnyOrder("complete-dossier", "city-model-awarded");
        for (String title : MODEL_TITLES) {
            CriterionOutcome miss = failure(d, title, "complete-dossier");
            assertThat(miss.actual()).isEqualTo("missing report");
            assertThat(miss.required()).isEqualTo("report, confirmation");
            assertThat(miss.rule()).isEqualTo("eligibility.complete-dossier.model");
            assertThat(miss.title()).isEqualTo("*");
        }
    }

    @Test
    void aModelWithoutConfirmationGetsNoTitle() {
        Decision d = decide(model("M").confirmation(false));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder(MODEL_TITLES);
        for (String title : MODEL_TITLES) {
            assertThat(failed(d, title)).contains("complete-dossier");
            assertThat(failure(d, title, "complete-dossier").actual()).isEqualTo("missing confirmation");
        }
    }

    @Test
    void bothMissingDocumentsAreNamed() {
        Decision d = decide(model("M").report(false).confirmation(false));
        assertThat(d.awards()).isEmpty();
        assertThat(failure(d, "DISTRICT_MODEL", "complete-dossier").actual()).isEqualTo("missing report, confirmation");
    }

    @Test
    void aModelDoesNotNeedAcceptance() {
        Decision d = decide(model("M").acceptance(false));
        assertThat(titles(d)).containsExactlyInAnyOrder(MODEL_TITLES);
        assertThat(d.notAwarded()).isEmpty();
    }

    @Test
    void aWorkWithoutAcceptanceGetsNoSign() {
        assertThat(titles(decide(work("W")))).containsExactly("CITY_WORK_SIGN");
        Decision d = decide(work("W").acceptance(false));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder(WORK_TITLES);
        for (String title : WORK_TITLES) {
            assertThat(failed(d, title)).containsExactly("complete-dossier");
            CriterionOutcome miss = failure(d, title, "complete-dossier");
            assertThat(miss.actual()).isEqualTo("missing acceptance");
            assertThat(miss.required()).isEqualTo("report, confirmation, acceptance");
            assertThat(miss.rule()).isEqualTo("eligibility.complete-dossier.work");
            assertThat(miss.cite()).contains("dvk reference policy");
        }
    }

    @Test
    void aWorkWithoutReportOrConfirmationGetsNoSign() {
        Decision d = decide(work("W").report(false).confirmation(false));
        assertThat(d.awards()).isEmpty();
        for (String title : WORK_TITLES) {
            assertThat(failed(d, title)).containsExactly("complete-dossier");
            assertThat(failure(d, title, "complete-dossier").actual()).isEqualTo("missing report, confirmation");
        }
    }

    @Test
    void aViolationInTheEvaluationYearBlocksEveryTitle() {
        Decision d = decide(model("M").violation(2024));
        assertThat(d.awards()).isEmpty();
        assertThat(d.notAwarded()).extracting(NotAwarded::title).containsExactlyInAnyOrder(MODEL_TITLES);
        assertThat(failed(d, "DISTRICT_MODEL")).containsExactly("no-recent-violation");
        assertThat(failed(d, "CITY_MODEL")).containsExactly("no-recent-violation");
        assertThat(failed(d, "DISTRICT_GIAY_KHEN")).containsExactlyInAnyOrder("no-recent-violation", "district-model-awarded");
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactlyInAnyOrder("no-recent-violation", "city-model-awarded");
        CriterionOutcome miss = failure(d, "DISTRICT_MODEL", "no-recent-violation");
        assertThat(miss.actual()).isEqualTo("violation in 2024: vi phạm năm 2024");
        assertThat(miss.required()).isEqualTo("no violation in 2023–2024");
        assertThat(miss.rule()).isEqualTo("eligibility.no-recent-violation");
        assertThat(miss.cite()).contains("06/2022/QH15");
    }

    @Test
    void aViolationTheYearBeforeBlocksEveryTitle() {
        Decision d = decide(model("M").violation(2023));
        assertThat(d.awards()).isEmpty();
        for (String title : MODEL_TITLES) {
            assertThat(failed(d, title)).contains("no-recent-violation");
        }
        assertThat(failure(d, "CITY_MODEL", "no-recent-violation").actual()).isEqualTo("violation in 2023: vi phạm năm 2023");
    }

    @Test
    void aViolationTwoYearsBackDoesNotMatter() {
        Decision d = decide(model("M").violation(2022));
        assertThat(titles(d)).containsExactlyInAnyOrder(MODEL_TITLES);
        assertThat(d.notAwarded()).isEmpty();
        assertThat(titles(decide(model("M").violation(2025)))).as("a later year is outside Y-1..Y")
                .containsExactlyInAnyOrder(MODEL_TITLES);
    }

    @Test
    void violationsBlockWorksToo() {
        Decision d = decide(work("W").violation(2023));
        assertThat(d.awards()).isEmpty();
        for (String title : WORK_TITLES) {
            assertThat(failed(d, title)).containsExactly("no-recent-violation");
        }
        assertThat(titles(decide(work("W").violation(2022)))).containsExactly("CITY_WORK_SIGN");
    }

    @Test
    void everyViolationInTheWindowIsNamed() {
        Decision d = decide(model("M").violation(2023).violation(2024).violation(2022));
        String actual = failure(d, "DISTRICT_MODEL", "no-recent-violation").actual();
        assertThat(actual).contains("2023").contains("2024").doesNotContain("2022");
    }

    @Test
    void eligibilityFailuresComeBeforeTitleCriteria() {
        // city-model.drl is read before eligibility.drl: ordering by rule file alone would put replication first
        Decision d = decide(model("M").violation(2024).report(false).replicationSites(2));
        assertThat(notAwarded(d, "CITY_MODEL").orElseThrow().failed()).extracting(CriterionOutcome::criterion)
                .containsExactly("complete-dossier", "no-recent-violation", "min-replication-sites");
        assertThat(notAwarded(d, "DISTRICT_GIAY_KHEN").orElseThrow().failed()).extracting(CriterionOutcome::criterion)
                .containsExactly("complete-dossier", "no-recent-violation", "district-model-awarded");
        for (NotAwarded missed : d.notAwarded()) {
            assertThat(missed.failed().get(0).title()).as(missed.title()).isEqualTo("*");
            assertThat(missed.failed().get(1).title()).as(missed.title()).isEqualTo("*");
        }
    }

    @Test
    void workEligibilityFailuresComeFirstToo() {
        Decision d = decide(work("W").acceptance(false).approval("79"));
        assertThat(notAwarded(d, "DISTRICT_WORK_SIGN").orElseThrow().failed()).extracting(CriterionOutcome::criterion)
                .containsExactly("complete-dossier", "min-approval");
        assertThat(notAwarded(d, "CITY_WORK_SIGN").orElseThrow().failed()).extracting(CriterionOutcome::criterion)
                .containsExactly("complete-dossier", "min-approval");
    }
}
