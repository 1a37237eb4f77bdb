package dvk.app;

import dvk.domain.ProvisionalQuota;
import dvk.domain.Warning;
import dvk.engine.RuleSet;
import java.util.List;

/**
 * An evaluation written out: its counts, the rule set that decided it, what reading the batch
 * warned of, and the district quotas a rejected record could still change.
 */
public record EvaluationResult(Tally<?> tally, RuleSet rules, List<Warning> warnings, List<ProvisionalQuota> provisional) {
    public EvaluationResult {
        warnings = List.copyOf(warnings);
        provisional = List.copyOf(provisional);
    }

    public EvaluationResult(Tally<?> tally, RuleSet rules) {
        this(tally, rules, List.of(), List.of());
    }
}
