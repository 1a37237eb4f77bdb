package dvk.app;

import dvk.domain.Award;
import dvk.domain.Decision;
import dvk.domain.NotAwarded;
import dvk.engine.Evaluation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The council's final list: an evaluation with the council's overrides applied, for the meeting
 * papers. A title granted against the rules is an award of the rule {@link #RULE} with no citation
 * (it rests on the council's reason, which the papers list apart, not on a regulation the rules
 * cite); a title withheld is taken from the awards. Everything else is as the rules decided.
 */
public final class CouncilList {
    /** The "rule" of a title the council granted. */
    public static final String RULE = "council-override";

    /** One override: at a decision's position in the input, a title granted ({@code grant}) or withheld, and why. */
    public record Change(int position, String title, boolean grant, String reason) {}

    private CouncilList() {}

    public static Evaluation apply(Evaluation evaluation, List<Change> changes) {
        if (changes.isEmpty()) return evaluation;
        Map<Integer, List<Change>> byPosition = new LinkedHashMap<>();
        changes.forEach(c -> byPosition.computeIfAbsent(c.position(), p -> new ArrayList<>()).add(c));
        List<Decision> decisions = new ArrayList<>(evaluation.decisions().size());
        for (Decision d : evaluation.decisions()) {
            List<Change> mine = byPosition.get(d.index());
            decisions.add(mine == null ? d : changed(d, mine));
        }
        return new Evaluation(evaluation.year(), evaluation.rules(), decisions, evaluation.rejected(), evaluation.warnings(),
                evaluation.provisional());
    }

    private static Decision changed(Decision d, List<Change> changes) {
        List<Award> awards = new ArrayList<>(d.awards());
        List<NotAwarded> missed = new ArrayList<>(d.notAwarded());
        for (Change c : changes) {
            if (c.grant()) {
                if (awards.stream().noneMatch(a -> a.title().equals(c.title()))) {
                    awards.add(new Award(d.nomination().id(), c.title(), RULE, null));
                }
                missed.removeIf(n -> n.title().equals(c.title()));
            } else {
                awards.removeIf(a -> a.title().equals(c.title()));
            }
        }
        return new Decision(d.index(), d.nomination(), d.score(), awards, missed, d.outcomes(), d.quotaTitles());
    }
}
