package dvk.domain;

import java.util.List;

/**
 * Everything decided for one nomination: score (models), titles awarded, titles missed and why, and
 * every criterion outcome the rules recorded, passed or failed (what a diff of two rule sets compares).
 * {@code quotaTitles} are the quota-limited titles it was ranked for in its district (it met every
 * other criterion of each): the titles a rejected record of the district could take from it.
 */
public record Decision(int index, Nomination nomination, Score score, List<Award> awards, List<NotAwarded> notAwarded,
                       List<CriterionOutcome> outcomes, List<String> quotaTitles) {
    public Decision {
        awards = List.copyOf(awards);
        notAwarded = List.copyOf(notAwarded);
        outcomes = List.copyOf(outcomes);
        quotaTitles = List.copyOf(quotaTitles);
    }

    /** A decision no quota took part in. */
    public Decision(int index, Nomination nomination, Score score, List<Award> awards, List<NotAwarded> notAwarded,
                    List<CriterionOutcome> outcomes) {
        this(index, nomination, score, awards, notAwarded, outcomes, List.of());
    }

    public boolean holds(String title) {
        return awards.stream().anyMatch(a -> a.title().equals(title));
    }
}
