package dvk.domain;

import java.util.List;

/**
 * Everything decided for one nomination: score (models), titles awarded, titles missed and why, and
 * every criterion outcome the rules recorded, passed or failed (what a diff of two rule sets compares).
 */
public record Decision(int index, Nomination nomination, Score score, List<Award> awards, List<NotAwarded> notAwarded,
                       List<CriterionOutcome> outcomes) {
    public Decision {
        awards = List.copyOf(awards);
        notAwarded = List.copyOf(notAwarded);
        outcomes = List.copyOf(outcomes);
    }

    public boolean holds(String title) {
        return awards.stream().anyMatch(a -> a.title().equals(title));
    }
}
