package dvk.engine.rulekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.QuotaCandidate;
import dvk.domain.QuotaGroup;
import dvk.domain.QuotaRanking;
import dvk.engine.rulekit.Rank.By;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sort behind the quota's ranking rule: the rule names the order, this applies it. */
class RankTest {
    private static final QuotaGroup GIA_LAM = new QuotaGroup("CITY_MODEL", "Gia Lâm");

    private static QuotaCandidate candidate(String id, int score, long beneficiaries) {
        return new QuotaCandidate(id, "CITY_MODEL", "Gia Lâm", score, beneficiaries);
    }

    @Test
    void keysApplyInTheOrderTheRuleGivesThem() {
        List<QuotaCandidate> group = List.of(candidate("C", 90, 9_000), candidate("B", 100, 5_000),
                candidate("A", 100, 5_000), candidate("D", 100, 8_000));
        QuotaRanking byScore = Rank.group(GIA_LAM, group, By.SCORE_DESCENDING, By.BENEFICIARIES_DESCENDING, By.ID_ASCENDING);
        assertThat(byScore.places()).containsEntry("D", 1).containsEntry("A", 2).containsEntry("B", 3).containsEntry("C", 4);
        QuotaRanking byPeople = Rank.group(GIA_LAM, group, By.BENEFICIARIES_DESCENDING, By.SCORE_DESCENDING, By.ID_ASCENDING);
        assertThat(byPeople.places()).containsEntry("C", 1).containsEntry("D", 2).containsEntry("A", 3).containsEntry("B", 4);
        assertThat(byScore.title()).isEqualTo("CITY_MODEL");
        assertThat(byScore.district()).isEqualTo("Gia Lâm");
    }

    @Test
    void idsCompareAsPlainStrings() {
        QuotaRanking ranking = Rank.group(GIA_LAM, List.of(candidate("Q-9", 100, 1), candidate("Q-10", 100, 1)),
                By.ID_ASCENDING);
        assertThat(ranking.placeOf("Q-10")).isEqualTo(1);
        assertThat(ranking.placeOf("Q-9")).isEqualTo(2);
    }

    /** As when each candidate counts those strictly above it: an order without the id may leave ties. */
    @Test
    void candidatesEqualOnEveryKeyShareAPlaceAndTheNextIsSkipped() {
        QuotaRanking ranking = Rank.group(GIA_LAM, List.of(candidate("A", 100, 5), candidate("B", 95, 5),
                candidate("C", 95, 5), candidate("D", 90, 5)), By.SCORE_DESCENDING);
        assertThat(ranking.places()).containsEntry("A", 1).containsEntry("B", 2).containsEntry("C", 2).containsEntry("D", 4);
    }

    @Test
    void theOrderTheCandidatesComeInDoesNotMatter() {
        List<QuotaCandidate> group = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) group.add(candidate(String.format("M-%04d", i), 80 + i % 21, i % 13));
        QuotaRanking first = Rank.group(GIA_LAM, group, By.SCORE_DESCENDING, By.BENEFICIARIES_DESCENDING, By.ID_ASCENDING);
        Collections.shuffle(group, new Random(7));
        QuotaRanking shuffled = Rank.group(GIA_LAM, group, By.SCORE_DESCENDING, By.BENEFICIARIES_DESCENDING, By.ID_ASCENDING);
        assertThat(shuffled).isEqualTo(first);
        assertThat(first.places().values()).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 2_000).boxed().toList());
        assertThat(first.placeOf("M-0272")).isEqualTo(1);             // score 100, 12 beneficiaries, the first id of those
        assertThat(first.placeOf("M-0545")).isEqualTo(2);
    }

    @Test
    void aCandidateNotInTheRankingHasNoPlace() {
        QuotaRanking ranking = Rank.group(GIA_LAM, List.of(candidate("A", 100, 5)), By.SCORE_DESCENDING);
        assertThat(ranking.candidates()).containsExactly("A");
        assertThat(ranking.candidates()).doesNotContain("B");
        assertThatThrownBy(() -> ranking.placeOf("B")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rank.group(GIA_LAM, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
