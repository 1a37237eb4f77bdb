package dvk.engine.rules;

import static dvk.testing.Facts.candidate;
import static dvk.testing.Facts.measures;
import static dvk.testing.Facts.ranking;
import static dvk.testing.Facts.score;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
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
import dvk.testing.EveryRuleSetWith;
import dvk.testing.RuleVerifier.RuleUnderTest;
import dvk.testing.TestRuleSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * CITY_MODEL: months ≥ 24, score ≥ 80, replication ≥ 3, a prerequisite recognition in Y-3..Y-1
 * (a DISTRICT_MODEL until 2025, a COMMUNE-level recognition from 2026), and at most 3 per
 * district (score, then beneficiaries descending, then id ascending). Each criterion is tested on
 * its own rule in every rule set that has it; the title and the quota, through whole evaluations.
 */
class CityModelRulesTest {
    private static final String TITLE = "CITY_MODEL";

    // --- criteria, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("city-model.months-running")
    void aCityModelHasRunForTwentyFourMonths(RuleUnderTest rule) {
        rule.given(model("M"), measures("M").months(24)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.months-running")
    void twentyThreeMonthsAreNotEnough(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(model("M"), measures("M").months(23)).fails("23", ">= 24");
        assertThat(miss.title()).isEqualTo(TITLE);
        assertThat(miss.criterion()).isEqualTo("months-running");
        assertThat(miss.cite()).contains("70-KH/BDVTW");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.months-running")
    void worksAreNoCityModels(RuleUnderTest rule) {
        rule.given(work("W"), measures("W").months(30)).doesNotFire();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.min-score")
    void aCityModelNeedsEightyPoints(RuleUnderTest rule) {
        rule.given(score("M", 80)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.min-score")
    void seventyNineIsNotEnough(RuleUnderTest rule) {
        assertThat(rule.given(score("M", 79)).fails("79", ">= 80").criterion()).isEqualTo("min-score");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.min-replication-sites")
    void aCityModelHasBeenCopiedAtThreeSites(RuleUnderTest rule) {
        rule.given(model("M").replicationSites(3)).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.min-replication-sites")
    void twoReplicationSitesAreNotEnough(RuleUnderTest rule) {
        rule.given(model("M").replicationSites(2)).fails("2", ">= 3");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.prior-district-model")
    void aDistrictModelInAnyOfTheThreePreviousYearsCounts(RuleUnderTest rule) {
        for (int back = 1; back <= 3; back++) {
            rule.given(model("M").noPriors().prior(rule.year() - back, Level.DISTRICT, "DISTRICT_MODEL")).passes();
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.prior-district-model")
    void aDistrictModelFourYearsBackIsTooOld(RuleUnderTest rule) {
        int y = rule.year();
        CriterionOutcome miss = rule.given(model("M").noPriors().prior(y - 4, Level.DISTRICT, "DISTRICT_MODEL"))
                .fails("DISTRICT_MODEL (DISTRICT) in " + (y - 4), "DISTRICT_MODEL in " + (y - 3) + "–" + (y - 1));
        assertThat(miss.criterion()).isEqualTo("prior-district-model");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.prior-district-model")
    void aDistrictModelInTheEvaluationYearItselfDoesNotCount(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y, Level.DISTRICT, "DISTRICT_MODEL"))
                .fails("DISTRICT_MODEL (DISTRICT) in " + y, "DISTRICT_MODEL in " + (y - 3) + "–" + (y - 1));
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.prior-district-model")
    void withoutAnyDistrictModelItFails(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y - 1, Level.COMMUNE, "COMMUNE_MODEL"))
                .fails("no DISTRICT_MODEL", "DISTRICT_MODEL in " + (y - 3) + "–" + (y - 1));
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.prior-district-model")
    void thePriorDistrictModelCountsByTitleCodeWhateverTheLevel(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y - 1, Level.CITY, "DISTRICT_MODEL")).passes();
        rule.given(model("M").noPriors().prior(y - 1, Level.DISTRICT, "Mô hình tiêu biểu cấp huyện"))
                .fails("no DISTRICT_MODEL", "DISTRICT_MODEL in " + (y - 3) + "–" + (y - 1));
    }

    /** From 2026 there are no districts' titles: a COMMUNE-level recognition in Y-3..Y-1 takes the district model's place. */
    @ParameterizedTest
    @EveryRuleSetWith("city-model.commune-recognition")
    void aCommuneRecognitionInAnyOfTheThreePreviousYearsCounts(RuleUnderTest rule) {
        for (int back = 1; back <= 3; back++) {
            rule.given(model("M").noPriors().prior(rule.year() - back, Level.COMMUNE, "COMMUNE_MODEL")).passes();
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.commune-recognition")
    void aCommuneRecognitionFourYearsBackIsTooOld(RuleUnderTest rule) {
        int y = rule.year();
        CriterionOutcome miss = rule.given(model("M").noPriors().prior(y - 4, Level.COMMUNE, "COMMUNE_MODEL"))
                .fails("COMMUNE_MODEL (COMMUNE) in " + (y - 4), "a COMMUNE recognition in " + (y - 3) + "–" + (y - 1));
        assertThat(miss.title()).isEqualTo(TITLE);
        assertThat(miss.criterion()).isEqualTo("commune-recognition");
        assertThat(miss.cite()).contains("two levels").contains("70-KH/BDVTW");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.commune-recognition")
    void aCommuneRecognitionInTheEvaluationYearItselfDoesNotCount(RuleUnderTest rule) {
        int y = rule.year();
        rule.given(model("M").noPriors().prior(y, Level.COMMUNE, "COMMUNE_MODEL"))
                .fails("COMMUNE_MODEL (COMMUNE) in " + y, "a COMMUNE recognition in " + (y - 3) + "–" + (y - 1));
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.commune-recognition")
    void aRecognitionAtAnotherLevelDoesNotCount(RuleUnderTest rule) {
        int y = rule.year();
        String required = "a COMMUNE recognition in " + (y - 3) + "–" + (y - 1);
        rule.given(model("M").noPriors().prior(y - 1, Level.DISTRICT, "DISTRICT_MODEL"))
                .fails("no COMMUNE recognition", required);
        rule.given(model("M").noPriors().prior(y - 1, Level.CITY, "COMMUNE_MODEL"))
                .fails("no COMMUNE recognition", required);
        rule.given(model("M").noPriors()).fails("no COMMUNE recognition", required);
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.commune-recognition")
    void theCommuneRecognitionCountsByLevelWhateverTheTitle(RuleUnderTest rule) {
        rule.given(model("M").noPriors().prior(rule.year() - 2, Level.COMMUNE, "Giấy khen UBND xã")).passes();
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void theBestThreeOfADistrictFitTheQuota(RuleUnderTest rule) {
        CriterionOutcome third = rule.given(ranking("Gia Lâm", "A", "B", "C", "D"), candidate("C", "Gia Lâm")).passes();
        assertThat(third.actual()).isEqualTo("rank 3 in Gia Lâm");
        assertThat(third.required()).isEqualTo("rank <= 3 (district quota)");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void theFourthIsPastTheQuota(RuleUnderTest rule) {
        CriterionOutcome miss = rule.given(ranking("Gia Lâm", "A", "B", "C", "D"), candidate("D", "Gia Lâm"))
                .fails("rank 4 in Gia Lâm", "rank <= 3 (district quota)");
        assertThat(miss.criterion()).isEqualTo("district-quota");
        assertThat(miss.cite()).contains("district quota");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void aCandidateReadsItsPlaceOnlyFromItsOwnDistrictsRanking(RuleUnderTest rule) {
        rule.given(ranking("Gia Lâm", "A", "B", "C", "D"), candidate("D", "Đông Anh")).doesNotFire();
        rule.given(ranking("Gia Lâm", "A", "B", "C"), candidate("D", "Gia Lâm")).doesNotFire();
    }

    // --- the title, whole evaluations ---

    @ParameterizedTest
    @EveryRuleSetWith("city-model")
    void theBuilderModelGetsIt(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M"));
        assertThat(titles(d)).contains(TITLE);
        assertThat(failed(d, TITLE)).isEmpty();
        assertThat(d.awards()).filteredOn(a -> a.title().equals(TITLE)).extracting(a -> a.rule()).containsExactly("city-model");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model")
    void everyFailedCriterionIsListed(TestRuleSet rules) {
        // started in the evaluation year (0 months), no replication, no recognition: far below every threshold
        Decision d = rules.decide(rules.model("M").noPriors().startDate(LocalDate.of(rules.year(), 6, 1))
                .replicationSites(0));
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).hasSize(4).contains("months-running", "min-score", "min-replication-sites");
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
    }

    // --- district quota ---

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void onlyTheBestThreeOfADistrictByScoreGetIt(TestRuleSet rules) {
        Evaluation e = rules.evaluate(
                rules.model("Q4").beneficiaries(50),      // 85
                rules.model("Q1"),                        // 100
                rules.model("Q3").beneficiaries(200),     // 90
                rules.model("Q2").beneficiaries(1_000));  // 95
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

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void threeCandidatesAllFitTheQuota(TestRuleSet rules) {
        Evaluation e = rules.evaluate(rules.model("Q1").beneficiaries(50), rules.model("Q2"), rules.model("Q3"));
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void scoreRanksBeforeBeneficiaries(TestRuleSet rules) {
        // P1 scores 100 with the fewest beneficiaries; the others score 95 (months 24 → 15)
        Evaluation e = rules.evaluate(
                rules.model("P1").beneficiaries(5_000),
                rules.model("P2").startDate(LocalDate.of(rules.year() - 2, 12, 31)).beneficiaries(9_000),
                rules.model("P3").startDate(LocalDate.of(rules.year() - 2, 12, 31)).beneficiaries(8_000),
                rules.model("P4").startDate(LocalDate.of(rules.year() - 2, 12, 31)).beneficiaries(7_000));
        assertThat(titles(decision(e, "P1"))).contains(TITLE);
        assertThat(titles(decision(e, "P2"))).contains(TITLE);
        assertThat(titles(decision(e, "P3"))).contains(TITLE);
        assertThat(failed(decision(e, "P4"), TITLE)).containsExactly("district-quota");
        assertThat(failure(decision(e, "P4"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void equalScoresRankByBeneficiariesDescending(TestRuleSet rules) {
        Evaluation e = rules.evaluate(
                rules.model("B1").beneficiaries(5_000),
                rules.model("B2").beneficiaries(8_000),
                rules.model("B3").beneficiaries(6_000),
                rules.model("B4").beneficiaries(7_000));
        assertThat(failed(decision(e, "B1"), TITLE)).containsExactly("district-quota");
        assertThat(failure(decision(e, "B1"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
        for (String id : new String[] {"B2", "B3", "B4"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void fullTiesRankByIdAsPlainStrings(TestRuleSet rules) {
        // String.compareTo: "Q-10" < "Q-7" < "Q-8" < "Q-9"
        Evaluation e = rules.evaluate(rules.model("Q-7"), rules.model("Q-8"), rules.model("Q-9"), rules.model("Q-10"));
        assertThat(titles(decision(e, "Q-10"))).contains(TITLE);
        assertThat(titles(decision(e, "Q-7"))).contains(TITLE);
        assertThat(titles(decision(e, "Q-8"))).contains(TITLE);
        Decision d = decision(e, "Q-9");
        assertThat(titles(d)).doesNotContain(TITLE);
        assertThat(failed(d, TITLE)).containsExactly("district-quota");
        assertThat(failure(d, TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void ranksPastTheQuotaAreEachTold(TestRuleSet rules) {
        Evaluation e = rules.evaluate(rules.model("A"), rules.model("B"), rules.model("C"), rules.model("D"), rules.model("E"));
        assertThat(failure(decision(e, "D"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Gia Lâm");
        assertThat(failure(decision(e, "E"), TITLE, "district-quota").actual()).isEqualTo("rank 5 in Gia Lâm");
        assertThat(titles(decision(e, "A"))).contains(TITLE);
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void anIneligibleCandidateTakesNoPlace(TestRuleSet rules) {
        // X would rank first (id "A-X" sorts before the others) but has a violation in the evaluation year
        Evaluation e = rules.evaluate(rules.model("A-X").violation(rules.year()),
                rules.model("Q1"), rules.model("Q2"), rules.model("Q3").beneficiaries(50));
        for (String id : new String[] {"Q1", "Q2", "Q3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
            assertThat(failed(decision(e, id), TITLE)).as(id).isEmpty();
        }
        Decision x = decision(e, "A-X");
        assertThat(x.awards()).isEmpty();
        assertThat(failed(x, TITLE)).containsExactly("no-recent-violation");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void anIncompleteDossierTakesNoPlace(TestRuleSet rules) {
        Evaluation e = rules.evaluate(rules.model("A-X").report(false),
                rules.model("Q1"), rules.model("Q2"), rules.model("Q3").beneficiaries(50));
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

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void aNominationThatWouldRankFourthButFailsAnotherCriterionListsOnlyThatCriterion(TestRuleSet rules) {
        // R4: replication 2 → score 90, lowest of the four, and fails min-replication-sites
        Evaluation e = rules.evaluate(
                rules.model("R1"), rules.model("R2"), rules.model("R3"), rules.model("R4").replicationSites(2));
        Decision d = decision(e, "R4");
        assertThat(failed(d, TITLE)).containsExactly("min-replication-sites");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void districtsAreComparedAsExactStrings(TestRuleSet rules) {
        Evaluation e = rules.evaluate(
                rules.model("G1"), rules.model("G2"), rules.model("G3"),
                rules.model("G4").beneficiaries(50).district("Gia lâm"));
        for (String id : new String[] {"G1", "G2", "G3", "G4"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
            assertThat(failed(decision(e, id), TITLE)).as(id).isEmpty();
        }

        // the same four in one district: G4 is fourth
        Evaluation same = rules.evaluate(
                rules.model("G1"), rules.model("G2"), rules.model("G3"), rules.model("G4").beneficiaries(50));
        assertThat(failed(decision(same, "G4"), TITLE)).containsExactly("district-quota");
    }

    @ParameterizedTest
    @EveryRuleSetWith("city-model.district-quota")
    void eachDistrictHasItsOwnQuota(TestRuleSet rules) {
        Evaluation e = rules.evaluate(
                rules.model("A1").district("Đông Anh"), rules.model("A2").district("Đông Anh"),
                rules.model("A3").district("Đông Anh"),
                rules.model("A4").district("Đông Anh").beneficiaries(50),
                rules.model("G1"), rules.model("G2"), rules.model("G3"));
        for (String id : new String[] {"A1", "A2", "A3", "G1", "G2", "G3"}) {
            assertThat(titles(decision(e, id))).as(id).contains(TITLE);
        }
        assertThat(failure(decision(e, "A4"), TITLE, "district-quota").actual()).isEqualTo("rank 4 in Đông Anh");
    }
}
