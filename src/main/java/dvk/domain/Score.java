package dvk.domain;

import java.util.List;

/** A model's total score with its parts, in the order the score rule lists them. */
public record Score(String nominationId, int total, List<ScorePart> parts) implements NominationFact {
    public Score {
        parts = List.copyOf(parts);
    }

    public static Score of(String nominationId, ScorePart... parts) {
        int total = 0;
        for (ScorePart part : parts) {
            total += part.points();
        }
        return new Score(nominationId, total, List.of(parts));
    }
}
