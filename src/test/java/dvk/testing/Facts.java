package dvk.testing;

import dvk.domain.Award;
import dvk.domain.EvaluationYear;
import dvk.domain.Measures;
import dvk.domain.QuotaCandidate;
import dvk.domain.QuotaRanking;
import dvk.domain.Score;
import dvk.domain.ScorePart;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts the rules derive, given directly to the one rule a {@link RuleVerifier} fires: the facts
 * other rules would have derived from a nomination. Nominations come from {@link NominationBuilder}.
 */
public final class Facts {
    private Facts() {}

    /** A model's score with only its total: the score criteria read nothing else. */
    public static Score score(String nominationId, int total) {
        return new Score(nominationId, total, List.of());
    }

    /** Some points of one score component, as the score rules derive them. */
    public static ScorePart part(String nominationId, String component, int points) {
        return new ScorePart(nominationId, component, points);
    }

    /** Months running (or in use) and resources mobilized: 0 and 0 VND until a test sets them. */
    public static MeasuresBuilder measures(String nominationId) {
        return new MeasuresBuilder(nominationId);
    }

    /** A title awarded this year, as an award rule grants it. */
    public static Award award(String nominationId, String title) {
        return new Award(nominationId, title, "test.award", "test");
    }

    public static EvaluationYear year(int year) {
        return new EvaluationYear(year);
    }

    /** A CITY_MODEL quota candidate of this district (score 100, 5,000 beneficiaries: the ranking decides its place). */
    public static QuotaCandidate candidate(String nominationId, String district) {
        return new QuotaCandidate(nominationId, "CITY_MODEL", district, 100, 5_000);
    }

    /** A district's CITY_MODEL ranking: the candidates best first, from place 1. */
    public static QuotaRanking ranking(String district, String... bestFirst) {
        Map<String, Integer> places = new LinkedHashMap<>();
        for (String id : bestFirst) places.put(id, places.size() + 1);
        return new QuotaRanking("CITY_MODEL", district, places);
    }

    public static final class MeasuresBuilder implements FactBuilder {
        private final String nominationId;
        private long months;
        private BigInteger resources = BigInteger.ZERO;

        private MeasuresBuilder(String nominationId) {
            this.nominationId = nominationId;
        }

        public MeasuresBuilder months(long value) {
            months = value;
            return this;
        }

        public MeasuresBuilder resources(long vnd) {
            resources = BigInteger.valueOf(vnd);
            return this;
        }

        @Override
        public Measures build() {
            return new Measures(nominationId, months, resources);
        }
    }
}
