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
import dvk.testing.NominationBuilder;
import org.junit.jupiter.api.Test;

/**
 * CITY_MODEL: months ≥ 24, score ≥ 80, replication ≥ 3, DISTRICT_MODEL in Y-3..Y-1, and at most 3
 * per district (score, then beneficiaries descending, then id ascending).
 */
class CityModelRulesTest {
    private static final String TITLE = "CITY_MODEL";

    @Test
    void twentyFourMonthsRunningIsEnough() {
        Decision d = decide(model("M").startDate("2022-12-31"));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
    }

    @Test
    void twentyThreeMonthsRunningMisses() {
        Decision d = decide(model("M").startDate("2023-01-01"));
        assertThat(d.score().total()).isEqualTo(90);
        assertThat(titles(d)).contains("DISTRICT_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("months-running");
        CriterionOutcome miss = failure(d, TITLE, "months-running");
        assertThat(miss.actual()).isEqualTo("23");
        assertThat(miss.required()).isEqualTo(">= 24");
        assertThat(miss.rule()).isEqualTo("city-model.months-running");
        assertThat(miss.cite()).contains("70-KH/BDVTW");
    }

    @Test
    void scoreOfEightyIsEnoughAndSeventyFiveMisses() {
        // months 20 + resources 20 + beneficiaries (1,000 → 15 | 200 → 10) + replication 3 → 15 + approval 80 → 10
        Decision enough = decide(model("M").beneficiaries(1_000).replicationSites(3).approval("80"));
        assertThat(enough.score().total()).isEqualTo(80);
        assertThat(titles(enough)).contains(TITLE);

        Decision d = decide(model("M").beneficiaries(200).replicationSites(3).approval("80"));
        assertThat(d.score().total()).isEqualTo(75);
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-score");
        CriterionOutcome miss = failure(d, TITLE, "min-score");
        assertThat(miss.actual()).isEqualTo("75");
        assertThat(miss.required()).isEqualTo(">= 80");
    }

    @Test
    void threeReplicationSitesAreEnoughAndTwoMiss() {
        assertThat(titles(decide(model("M").replicationSites(3)))).contains(TITLE);
        Decision d = decide(model("M").replicationSites(2));
        assertThat(d.score().total()).isEqualTo(90);
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("min-replication-sites");
        CriterionOutcome miss = failure(d, TITLE, "min-replication-sites");
        assertThat(miss.actual()).isEqualTo("2");
        assertThat(miss.required()).isEqualTo(">= 3");
    }

    @Test
    void aDistrictModelFromYearMinusThreeToYearMinusOneCounts() {
        assertThat(titles(decide(withDistrictModelIn(2021)))).contains(TITLE);
        assertThat(titles(decide(withDistrictModelIn(2022)))).contains(TITLE);
        assertThat(titles(decide(withDistrictModelIn(2023)))).contains(TITLE);
    }

    @Test
    void aDistrictModelFourYearsBackMisses() {
        Decision d = decide(withDistrictModelIn(2020));
        assertThat(titles(d)).contains("DISTRICT_MODEL").doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("prior-district-model");
        CriterionOutcome miss = failure(d, TITLE, "prior-district-model");
        assertThat(miss.actual()).isEqualTo("DISTRICT_MODEL (DISTRICT) in 2020");
        assertThat(miss.required()).isEqualTo("DISTRICT_MODEL in 2021–2023");
    }

    @Test
    void aDistrictModelInTheEvaluationYearItselfDoesNotCount() {
        Decision d = decide(withDistrictModelIn(2024));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("prior-district-model");
    }

    @Test
    void withoutAnyDistrictModelItMisses() {
        Decision d = decide(model("M").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL"));
        assertThat(failed(d, TITLE)).containsExactly("prior-district-model");
        assertThat(failure(d, TITLE, "prior-district-model").actual()).isEqualTo("no DISTRICT_MODEL");
    }

    @Test
    void thePriorDistrictModelCountsByTitleCodeWhateverTheLevel() {
        assertThat(titles(decide(model("M").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL")
                .prior(2023, Level.CITY, "DISTRICT_MODEL")))).contains(TITLE);
        Decision d = decide(model("M").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL")
                .prior(2023, Level.DISTRICT, "Mô hình tiêu biểu cấp huyện"));
        assertThat(failed(d, TITLE)).containsExactly("prior-district-model");
    }

    @Test
    void cityModelStandsOnItsOwnCriteria() {
        // approval 60 (below DISTRICT_MODEL's 70, 0 points) and no COMMUNE recognition: score 80
        Decision d = decide(model("M").approval("60").noPriors().prior(2023, Level.DISTRICT, "DISTRICT_MODEL"));
        assertThat(d.score().total()).isEqualTo(80);
        assertThat(titles(d)).containsExactly(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
        assertThat(failed(d, "DISTRICT_MODEL")).containsExactlyInAnyOrder("min-approval", "commune-recognition");
        assertThat(failed(d, "DISTRICT_GIAY_KHEN")).containsExactly("district-model-awarded");
        assertThat(failed(d, "CITY_BANG_KHEN")).containsExactlyInAnyOrder("min-score", "min-approval");
    }

    @Test
    void aCityModelStillGetsDistrictModel() {
        Decision d = decide(model("M"));
        assertThat(titles(d)).contains(TITLE, "DISTRICT_MODEL");
        assertThat(d.awards()).filteredOn(a -> a.title().equals(TITLE)).extracting(a -> a.rule()).containsExactly("city-model");
    }

    // --- district quota ---

    @Test
    void onlyTheBestThreeOfADistrictByScoreGetIt() {
        Evaluation e = evaluate(
                model("Q4").beneficiaries(50),      // 85
                model("Q1"),                        // 100
                model("Q3").beneficiaries(200),     // 90
                model("Q2").beneficiaries(1_000));  // 95
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
            assertThat(failed(decision(e, id), TITLE)).as(id).isEmpty();
        }
        Decision d = decision(e, "Q4");
        assertThat(d.score().total()).isEqualTo(85);
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("district-quota");
        CriterionOutcome miss = failure(d, TITLE, "district-quota");
        assertThat(miss.actual()).isEqualTo("rank 4 in Gia Lâm");
        assertThat(miss.required()).contains("3");
        assertThat(miss.rule()).isEqualTo("city-model.district-quota");
        assertThat(miss.cite()).contains("district quota");
    }

    @Test
    void theQuotaLoserKeepsItsDistrictTitles() {
        Evaluation e = evaluate(model("Q1"), model("Q2"), model("Q3"), model("Q4").beneficiaries(50));
        assertThat(titles(decision(e, "Q4"))).containsExactly("DISTRICT_GIAY_KHEN", "DISTRICT_MODEL");
    }

    @Test
    void threeCandidatesAllFitTheQuota() {
        Evaluation e = evaluate(model("Q1").beneficiaries(50), model("Q2"), model("Q3"));
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
    }

    @Test
    void scoreRanksBeforeBeneficiaries() {
        // P1 scores 100 with the fewest beneficiaries; the others score 95 (months 24 → 15)
        Evaluation e = evaluate(
                model("P1").beneficiaries(5_000),
                model("P2").startDate("2022-12-31").beneficiaries(9_000),
                model("P3").startDate("2022-12-31").beneficiaries(8_000),
                model("P4").startDate("2022-12-31").beneficiaries(7_000));
        assertThat(titles(decision(e, "P1"))).contains(TITLE);
        assertThat(titles(decision(e, "P2"))).contains(TITLE);
        assertThat(titles(decision(e, "P3"))).contains(TITLE);
        assertThat(failed(decision(e, "P4"), TITLE)).containsExactly("district-quota");
        assertThat(failure(decision(e, "P4"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
    }

    @Test
    void equalScoresRankByBeneficiariesDescending() {
        Evaluation e = evaluate(
                model("B1").beneficiaries(5_000),
                model("B2").beneficiaries(8_000),
                model("B3").beneficiaries(6_000),
                model("B4").beneficiaries(7_000));
        assertThat(failed(decision(e, "B1"), TITLE)).containsExactly("district-quota");
        assertThat(failure(decision(e, "B1"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
        for (String id : new String[] {"B2", "B3", "B4"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
    }

    @Test
    void fullTiesRankByIdAsPlainStrings() {
        // String.compareTo: "Q-10" < "Q-7" < "Q-8" < "Q-9"
        Evaluation e = evaluate(model("Q-7"), model("Q-8"), model("Q-9"), model("Q-10"));
        assertThat(titles(decision(e, "Q-10"))).contains(TITLE);
        assertThat(titles(decision(e, "Q-7"))).contains(TITLE);
        assertThat(titles(decision(e, "Q-8"))).contains(TITLE);
        Decision d = decision(e, "Q-9");
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("district-quota");
        assertThat(failure(d, TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
    }

    @Test
    void ranksPastTheQuotaAreEachTold() {
        Evaluation e = evaluate(model("A"), model("B"), model("C"), model("D"), model("E"));
        assertThat(failure(decision(e, "D"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
        assertThat(failure(decision(e, "E"), TITLE, "district-quota").actual()).isEqualTo("rank 5 in Gia Lâm");
        assertThat(titles(decision(e, "A"))).contains(TITLE);
    }

    @Test
    void anIneligibleCandidateTakesNoPlace() {
        // X would rank first (id "A-X" sorts before the others) but has a violation in 2024
        Evaluation e = evaluate(model("A-X").violation(2024), model("Q1"), model("Q2"), model("Q3").beneficiaries(50));
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
            assertThat(failed(decision(e, id), TITLE)).as(id).isEmpty();
        }
        Decision x = decision(e, "A-X");
        assertThat(x.awards()).isEmpty();
        assertThat(failed(x, TITLE)).containsExactly("no-recent-violation");
    }

    @Test
    void anIncompleteDossierTakesNoPlace() {
        Evaluation e = evaluate(model("A-X").report(false), model("Q1"), model("Q2"), model("Q3").beneficiaries(50));
        assertThat(titles(decision(e, "Q3"))).contains(TITLE);
        assertThat(failed(decision(e, "A-X"), TITLE)).containsExactly("complete-dossier");
    }

    @Test
    void aNominationFailingAnotherCriterionTakesNoPlaceAndHasNoQuotaEntry() {
        // X has the best score and id but no DISTRICT_MODEL in 2021–2023
        Evaluation e = evaluate(
                model("A-X").noPriors().prior(2022, Level.COMMUNE, "COMMUNE_MODEL"),
                model("Q1"), model("Q2"), model("Q3").beneficiaries(50));
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
        assertThat(failed(decision(e, "A-X"), TITLE)).containsExactly("prior-district-model");
    }

    @Test
    void aNominationThatWouldRankFourthButFailsAnotherCriterionListsOnlyThatCriterion() {
        // R4: replication 2 → score 90, lowest of the four, and fails min-replication-sites
        Evaluation e = evaluate(model("R1"), model("R2"), model("R3"), model("R4").replicationSites(2));
        Decision d = decision(e, "R4");
        assertThat(failed(d, TITLE)).containsExactly("min-replication-sites");
    }

    @Test
    void districtsAreComparedAsExactStrings() {
        Evaluation e = evaluate(
                model("G1"), model("G2"), model("G3"),
                model("G4").beneficiaries(50).district("Gia lâm"));
        for (String id : new String[] {"G1", "G2", "G3", "G4"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
            assertThat(failed(decision(e, id), TITLE)).as(id).isEmpty();
        }

        // the same four in one district: G4 is fourth
        Evaluation same = evaluate(model("G1"), model("G2"), model("G3"), model("G4").beneficiaries(50));
        assertThat(failed(decision(same, "G4"), TITLE)).containsExactly("district-quota");
    }

    @Test
    void eachDistrictHasItsOwnQuota() {
        Evaluation e = evaluate(
                model("A1").district("Đông Anh"), model("A2").district("Đông Anh"), model("A3").district("Đông Anh"),
                model("A4").district("Đông Anh").beneficiaries(50),
                model("G1"), model("G2"), model("G3"));
        for (String id : new String[] {"A1", "A2", "A3", "G1", "G2", "G3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
        assertThat(failure(decision(e, "A4"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Đông Anh");
    }

    private static NominationBuilder withDistrictModelIn(int year) {
        return model("M").noPriors().prior(2019, Level.COMMUNE, "COMMUNE_MODEL").prior(year, Level.DISTRICT, "DISTRICT_MODEL");
    }
}
