package dvk.engine.rulekit;

import dvk.domain.QuotaCandidate;
import dvk.domain.QuotaGroup;
import dvk.domain.QuotaRanking;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * What a quota's ranking rule calls: one sort of the group's candidates by the order the rule
 * states (n log n, memory linear in the candidates), instead of each candidate counting the
 * candidates above it (n² in time and in the engine's memory). Nothing here knows the policy's
 * order or quota; the loop and the sort live here because rule code has neither.
 */
public final class Rank {
    private Rank() {}

    /** One key of a ranking order, best first. */
    public enum By {
        SCORE_DESCENDING,
        BENEFICIARIES_DESCENDING,
        /** plain string comparison ({@code String.compareTo}) */
        ID_ASCENDING
    }

    /**
     * The group's candidates ranked by {@code order}, key after key. Candidates equal on every key
     * share a place and the next place is skipped (1, 2, 2, 4), as when each counts the candidates
     * strictly above it; an order that ends with {@link By#ID_ASCENDING} has no such ties.
     *
     * @param candidates the group's {@link QuotaCandidate}s, in any order
     */
    public static QuotaRanking group(QuotaGroup group, Collection<?> candidates, By... order) {
        if (order.length == 0) throw new IllegalArgumentException("a ranking needs at least one key");
        Comparator<QuotaCandidate> comparator = comparator(order.clone());
        QuotaCandidate[] ranked = candidates.toArray(new QuotaCandidate[0]);
        Arrays.sort(ranked, comparator);
        Map<String, Integer> places = new HashMap<>(2 * ranked.length);
        int place = 0;
        for (int i = 0; i < ranked.length; i++) {
            if (i == 0 || comparator.compare(ranked[i - 1], ranked[i]) != 0) place = i + 1;
            places.put(ranked[i].nominationId(), place);
        }
        return new QuotaRanking(group.title(), group.district(), places);
    }

    private static Comparator<QuotaCandidate> comparator(By[] order) {
        return (a, b) -> {
            for (By key : order) {
                int c = compare(key, a, b);
                if (c != 0) return c;
            }
            return 0;
        };
    }

    private static int compare(By key, QuotaCandidate a, QuotaCandidate b) {
        return switch (key) {
            case SCORE_DESCENDING -> Integer.compare(b.score(), a.score());
            case BENEFICIARIES_DESCENDING -> Long.compare(b.beneficiaries(), a.beneficiaries());
            case ID_ASCENDING -> a.nominationId().compareTo(b.nominationId());
        };
    }
}
