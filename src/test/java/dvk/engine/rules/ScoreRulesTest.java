package dvk.engine.rules;

import static dvk.testing.NominationBuilder.model;
import static dvk.testing.NominationBuilder.work;
import static dvk.testing.TestRules.decide;
import static org.assertj.core.api.Assertions.assertThat;

import dvk.domain.Decision;
import dvk.domain.ScorePart;
import dvk.testing.NominationBuilder;
import org.junit.jupiter.api.Test;

/**
 * The 100-point score: each component earns the points of the highest band reached, 0 below the
 * lowest. The builder's model earns 20 in every component, so changing one field moves one part.
 */
class ScoreRulesTest {

    /** The points of one component, checking that the other four kept their 20 and the total adds up. */
    private static int points(NominationBuilder nomination, String component) {
        Decision d = decide(nomination);
        assertThat(d.score()).as("score of a model").isNotNull();
        int points = d.score().parts().stream().filter(p -> p.component().equals(component))
                .findFirst().orElseThrow(() -> new AssertionError("no part " + component + ": " + d.score()))
                .points();
        assertThat(d.score().parts()).filteredOn(p -> !p.component().equals(component))
                .extracting(ScorePart::points).containsOnly(20);
        assertThat(d.score().total()).isEqualTo(80 + points);
        return points;
    }

    @Test
    void monthsRunningBands() {
        assertThat(points(model("M").startDate("2023-12-31"), "months")).isEqualTo(10); // 12 months
        assertThat(points(model("M").startDate("2024-01-01"), "months")).isZero();      // 11
        assertThat(points(model("M").startDate("2022-12-31"), "months")).isEqualTo(15); // 24
        assertThat(points(model("M").startDate("2023-01-01"), "months")).isEqualTo(10); // 23
        assertThat(points(model("M").startDate("2021-12-31"), "months")).isEqualTo(20); // 36
        assertThat(points(model("M").startDate("2022-01-01"), "months")).isEqualTo(15); // 35
        assertThat(points(model("M").startDate("2024-12-31"), "months")).isZero();      // 0
    }

    @Test
    void resourceBandsOnFunds() {
        assertThat(points(model("M").funds(50_000_000), "resources")).isEqualTo(5);
        assertThat(points(model("M").funds(49_999_999), "resources")).isZero();
        assertThat(points(model("M").funds(100_000_000), "resources")).isEqualTo(10);
        assertThat(points(model("M").funds(99_999_999), "resources")).isEqualTo(5);
        assertThat(points(model("M").funds(500_000_000), "resources")).isEqualTo(15);
        assertThat(points(model("M").funds(499_999_999), "resources")).isEqualTo(10);
        assertThat(points(model("M").funds(1_000_000_000), "resources")).isEqualTo(20);
        assertThat(points(model("M").funds(999_999_999), "resources")).isEqualTo(15);
        assertThat(points(model("M").funds(0), "resources")).isZero();
    }

    @Test
    void laborDaysCountAtTwoHundredThousandEach() {
        // 30,000,000 + 100 × 200,000 = 50,000,000 exactly
        assertThat(points(model("M").funds(30_000_000).laborDays(100), "resources")).isEqualTo(5);
        assertThat(points(model("M").funds(29_999_999).laborDays(100), "resources")).isZero();
        assertThat(points(model("M").funds(30_000_000).laborDays(99), "resources")).isZero();
        // labour alone: 500 days = 100,000,000; 5,000 days = 1,000,000,000
        assertThat(points(model("M").funds(0).laborDays(500), "resources")).isEqualTo(10);
        assertThat(points(model("M").funds(0).laborDays(499), "resources")).isEqualTo(5);
        assertThat(points(model("M").funds(0).laborDays(5_000), "resources")).isEqualTo(20);
        assertThat(points(model("M").funds(999_999_999).laborDays(1), "resources")).isEqualTo(20);
    }

    @Test
    void beneficiaryBands() {
        assertThat(points(model("M").beneficiaries(50), "beneficiaries")).isEqualTo(5);
        assertThat(points(model("M").beneficiaries(49), "beneficiaries")).isZero();
        assertThat(points(model("M").beneficiaries(200), "beneficiaries")).isEqualTo(10);
        assertThat(points(model("M").beneficiaries(199), "beneficiaries")).isEqualTo(5);
        assertThat(points(model("M").beneficiaries(1_000), "beneficiaries")).isEqualTo(15);
        assertThat(points(model("M").beneficiaries(999), "beneficiaries")).isEqualTo(10);
        assertThat(points(model("M").beneficiaries(5_000), "beneficiaries")).isEqualTo(20);
        assertThat(points(model("M").beneficiaries(4_999), "beneficiaries")).isEqualTo(15);
        assertThat(points(model("M").beneficiaries(0), "beneficiaries")).isZero();
    }

    @Test
    void replicationBands() {
        assertThat(points(model("M").replicationSites(1), "replication")).isEqualTo(10);
        assertThat(points(model("M").replicationSites(0), "replication")).isZero();
        assertThat(points(model("M").replicationSites(3), "replication")).isEqualTo(15);
        assertThat(points(model("M").replicationSites(2), "replication")).isEqualTo(10);
        assertThat(points(model("M").replicationSites(5), "replication")).isEqualTo(20);
        assertThat(points(model("M").replicationSites(4), "replication")).isEqualTo(15);
    }

    @Test
    void approvalBands() {
        assertThat(points(model("M").approval("70"), "approval")).isEqualTo(5);
        assertThat(points(model("M").approval("69.99"), "approval")).isZero();
        assertThat(points(model("M").approval("80"), "approval")).isEqualTo(10);
        assertThat(points(model("M").approval("79.99"), "approval")).isEqualTo(5);
        assertThat(points(model("M").approval("90"), "approval")).isEqualTo(20);
        assertThat(points(model("M").approval("89.99"), "approval")).isEqualTo(10);
        assertThat(points(model("M").approval("0"), "approval")).isZero();
    }

    @Test
    void partsComeInOrderAndTheTotalIsTheirSum() {
        // months 23 → 10, resources 99,999,999 → 5, beneficiaries 1,000 → 15, replication 0 → 0, approval 80 → 10
        Decision d = decide(model("M").startDate("2023-01-01").funds(99_999_999).beneficiaries(1_000)
                .replicationSites(0).approval("80"));
        assertThat(d.score().parts()).extracting(ScorePart::component)
                .containsExactly("months", "resources", "beneficiaries", "replication", "approval");
        assertThat(d.score().parts()).extracting(ScorePart::points).containsExactly(10, 5, 15, 0, 10);
        assertThat(d.score().total()).isEqualTo(40);
        assertThat(d.score().nominationId()).isEqualTo("M");
    }

    @Test
    void belowEveryLowestBandScoresZero() {
        Decision d = decide(model("M").startDate("2024-01-01").funds(49_999_999).beneficiaries(49)
                .replicationSites(0).approval("69.99"));
        assertThat(d.score().parts()).extracting(ScorePart::points).containsExactly(0, 0, 0, 0, 0);
        assertThat(d.score().total()).isZero();
    }

    @Test
    void theBuilderModelScoresOneHundred() {
        Decision d = decide(model("M"));
        assertThat(d.score().parts()).extracting(ScorePart::points).containsExactly(20, 20, 20, 20, 20);
        assertThat(d.score().total()).isEqualTo(100);
    }

    @Test
    void anIneligibleModelStillHasItsScore() {
        Decision d = decide(model("M").report(false).violation(2024).beneficiaries(200));
        assertThat(d.awards()).isEmpty();
        assertThat(d.score()).isNotNull();
        assertThat(d.score().total()).isEqualTo(90);
    }

    @Test
    void worksHaveNoScore() {
        assertThat(decide(work("W")).score()).isNull();
        assertThat(decide(work("W").report(false)).score()).isNull();
    }
}
