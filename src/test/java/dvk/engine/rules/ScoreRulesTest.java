package dvk.engine.rules;

import static dvk.testing.Facts.measures;
import static dvk.testing.Facts.part;
import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.decide;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.Decision;
import dvk.domain.Measures;
import dvk.domain.Score;
import dvk.domain.ScorePart;
import dvk.testing.EveryRuleSetWith;
import dvk.testing.NominationBuilder;
import dvk.testing.RuleVerifier.RuleUnderTest;
import dvk.testing.TestRuleSet;
import java.math.BigInteger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The quantities every rule reads (months, resources) and the 100-point score: each component
 * earns the points of the highest band reached, 0 below the lowest. Each rule is tested on its own
 * in every rule set; the score of a decision, through whole evaluations.
 */
class ScoreRulesTest {

    /** The points the rule gives one component on these facts. */
    private static int points(RuleUnderTest rule, Object... facts) {
        return rule.given(facts).derivedOne(ScorePart.class).points();
    }

    private static int monthsPoints(RuleUnderTest rule, long months) {
        return points(rule, model("M"), measures("M").months(months));
    }

    private static int resourcesPoints(RuleUnderTest rule, long vnd) {
        return points(rule, model("M"), measures("M").resources(vnd));
    }

    // --- measures ---

    @ParameterizedTest
    @EveryRuleSetWith("measures")
    void monthsRunningAreWholeMonthsToThirtyFirstDecember(RuleUnderTest rule) {
        int y = rule.year();
        // the precise readings of the criteria, for Y = 2024: 2023-12-31 → 12, 2024-01-01 → 11, 2023-01-01 → 23, 2022-03-01 → 33
        assertThat(months(rule, LocalDate.of(y - 1, 12, 31))).isEqualTo(12);
        assertThat(months(rule, LocalDate.of(y, 1, 1))).isEqualTo(11);
        assertThat(months(rule, LocalDate.of(y - 1, 1, 1))).isEqualTo(23);
        assertThat(months(rule, LocalDate.of(y - 2, 3, 1))).isEqualTo(33);
        assertThat(months(rule, LocalDate.of(y, 12, 31))).isZero();
    }

    private static long months(RuleUnderTest rule, LocalDate start) {
        return rule.given(model("M").startDate(start)).derivedOne(Measures.class).months();
    }

    @ParameterizedTest
    @EveryRuleSetWith("measures")
    void monthsInUseCountFromTheCompletionOfAWork(RuleUnderTest rule) {
        Measures work = rule.given(work("W").completedDate(LocalDate.of(rule.year(), 9, 30))).derivedOne(Measures.class);
        assertThat(work.months()).isEqualTo(3);
        assertThat(work.resourcesVnd()).isZero();
    }

    @ParameterizedTest
    @EveryRuleSetWith("measures")
    void resourcesAreFundsAndLaborDaysAtTwoHundredThousandEach(RuleUnderTest rule) {
        assertThat(resources(rule, model("M").funds(30_000_000).laborDays(100))).isEqualTo(50_000_000);
        assertThat(resources(rule, model("M").funds(0).laborDays(5_000))).isEqualTo(1_000_000_000);
        assertThat(resources(rule, model("M").funds(999_999_999).laborDays(1))).isEqualTo(1_000_199_999);
        // exact beyond a long: 2^63 - 1 VND of funds and as many days
        assertThat(rule.given(model("M").funds(Long.MAX_VALUE).laborDays(Long.MAX_VALUE)).derivedOne(Measures.class)
                .resourcesVnd()).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(200_001)));
    }

    private static long resources(RuleUnderTest rule, NominationBuilder nomination) {
        return rule.given(nomination).derivedOne(Measures.class).resourcesVnd().longValueExact();
    }

    // --- bands, one rule at a time ---

    @ParameterizedTest
    @EveryRuleSetWith("score.months")
    void monthsRunningBands(RuleUnderTest rule) {
        assertThat(monthsPoints(rule, 12)).isEqualTo(10);
        assertThat(monthsPoints(rule, 11)).isZero();
        assertThat(monthsPoints(rule, 24)).isEqualTo(15);
        assertThat(monthsPoints(rule, 23)).isEqualTo(10);
        assertThat(monthsPoints(rule, 36)).isEqualTo(20);
        assertThat(monthsPoints(rule, 35)).isEqualTo(15);
        assertThat(monthsPoints(rule, 0)).isZero();
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.resources")
    void resourceBands(RuleUnderTest rule) {
        assertThat(resourcesPoints(rule, 50_000_000)).isEqualTo(5);
        assertThat(resourcesPoints(rule, 49_999_999)).isZero();
        assertThat(resourcesPoints(rule, 100_000_000)).isEqualTo(10);
        assertThat(resourcesPoints(rule, 99_999_999)).isEqualTo(5);
        assertThat(resourcesPoints(rule, 500_000_000)).isEqualTo(15);
        assertThat(resourcesPoints(rule, 499_999_999)).isEqualTo(10);
        assertThat(resourcesPoints(rule, 1_000_000_000)).isEqualTo(20);
        assertThat(resourcesPoints(rule, 999_999_999)).isEqualTo(15);
        assertThat(resourcesPoints(rule, 0)).isZero();
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.beneficiaries")
    void beneficiaryBands(RuleUnderTest rule) {
        assertThat(points(rule, model("M").beneficiaries(50))).isEqualTo(5);
        assertThat(points(rule, model("M").beneficiaries(49))).isZero();
        assertThat(points(rule, model("M").beneficiaries(200))).isEqualTo(10);
        assertThat(points(rule, model("M").beneficiaries(199))).isEqualTo(5);
        assertThat(points(rule, model("M").beneficiaries(1_000))).isEqualTo(15);
        assertThat(points(rule, model("M").beneficiaries(999))).isEqualTo(10);
        assertThat(points(rule, model("M").beneficiaries(5_000))).isEqualTo(20);
        assertThat(points(rule, model("M").beneficiaries(4_999))).isEqualTo(15);
        assertThat(points(rule, model("M").beneficiaries(0))).isZero();
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.replication")
    void replicationBands(RuleUnderTest rule) {
        assertThat(points(rule, model("M").replicationSites(1))).isEqualTo(10);
        assertThat(points(rule, model("M").replicationSites(0))).isZero();
        assertThat(points(rule, model("M").replicationSites(3))).isEqualTo(15);
        assertThat(points(rule, model("M").replicationSites(2))).isEqualTo(10);
        assertThat(points(rule, model("M").replicationSites(5))).isEqualTo(20);
        assertThat(points(rule, model("M").replicationSites(4))).isEqualTo(15);
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.approval")
    void approvalBands(RuleUnderTest rule) {
        assertThat(points(rule, model("M").approval("70"))).isEqualTo(5);
        assertThat(points(rule, model("M").approval("69.99"))).isZero();
        assertThat(points(rule, model("M").approval("80"))).isEqualTo(10);
        assertThat(points(rule, model("M").approval("79.99"))).isEqualTo(5);
        assertThat(points(rule, model("M").approval("90"))).isEqualTo(20);
        assertThat(points(rule, model("M").approval("89.99"))).isEqualTo(10);
        assertThat(points(rule, model("M").approval("0"))).isZero();
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.approval")
    void worksEarnNoPoints(RuleUnderTest rule) {
        rule.given(work("W")).doesNotFire();
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.total")
    void theTotalIsTheSumOfTheFivePartsInTheirOrder(RuleUnderTest rule) {
        Score score = rule.given(model("M"), part("M", "approval", 10), part("M", "months", 10), part("M", "resources", 5),
                part("M", "replication", 0), part("M", "beneficiaries", 15)).derivedOne(Score.class);
        assertThat(score.nominationId()).isEqualTo("M");
        assertThat(score.parts()).extracting(ScorePart::component)
                .containsExactly("months", "resources", "beneficiaries", "replication", "approval");
        assertThat(score.total()).isEqualTo(40);
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.total")
    void withoutEveryPartThereIsNoTotal(RuleUnderTest rule) {
        rule.given(model("M"), part("M", "months", 10), part("M", "resources", 5), part("M", "beneficiaries", 15),
                part("M", "replication", 0)).doesNotFire();
    }

    // --- the score of a decision, whole evaluations ---

    @ParameterizedTest
    @EveryRuleSetWith("score.total")
    void theBuilderModelScoresOneHundred(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M"));
        assertThat(d.score().parts()).extracting(ScorePart::points).containsExactly(20, 20, 20, 20, 20);
        assertThat(d.score().total()).isEqualTo(100);
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.total")
    void anIneligibleModelStillHasItsScore(TestRuleSet rules) {
        Decision d = rules.decide(rules.model("M").report(false).violation(rules.year()).beneficiaries(200));
        assertThat(d.awards()).isEmpty();
        assertThat(d.score().total()).isEqualTo(90);
    }

    @ParameterizedTest
    @EveryRuleSetWith("score.total")
    void worksHaveNoScore(TestRuleSet rules) {
        assertThat(rules.decide(rules.work("W")).score()).isNull();
        assertThat(rules.decide(rules.work("W").report(false)).score()).isNull();
    }

    @Test
    void eachPartComesFromItsComponent() {
        // months 23 → 10, resources 99,999,999 → 5, beneficiaries 1,000 → 15, replication 0 → 0, approval 80 → 10
        Decision d = decide(model("M").startDate("2023-01-01").funds(99_999_999).beneficiaries(1_000)
                .replicationSites(0).approval("80"));
        assertThat(d.score().parts()).extracting(ScorePart::points).containsExactly(10, 5, 15, 0, 10);
        assertThat(d.score().total()).isEqualTo(40);
    }

    @Test
    void belowEveryLowestBandScoresZero() {
        Decision d = decide(model("M").startDate("2024-01-01").funds(49_999_999).beneficiaries(49)
                .replicationSites(0).approval("69.99"));
        assertThat(d.score().parts()).extracting(ScorePart::points).containsExactly(0, 0, 0, 0, 0);
        assertThat(d.score().total()).isZero();
    }
}
