package dvk.domain;

import java.util.List;

/** Everything decided for one nomination: score (models), titles awarded, titles missed and why. */
public record Decision(int index, Nomination nomination, Score score, List<Award> awards, List<NotAwarded> notAwarded) {
    public Decision {
        awards = List.copyOf(awards);
        notAwarded = List.copyOf(notAwarded);
    }

    public boolean holds(String title) {
        return awards.stream().anyMatch(a -> a.title().equals(title));
    }
}
