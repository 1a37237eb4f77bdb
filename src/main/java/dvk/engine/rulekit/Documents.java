package dvk.engine.rulekit;

import dvk.domain.Comparison;
import dvk.domain.CriterionOutcome;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/** A dossier check built document by document: {@code need("report", d.report())…outcome()}. */
public final class Documents {
    private final RuleContext rule;
    private final String nominationId;
    private final List<String> needed = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    Documents(RuleContext rule, String nominationId) {
        this.rule = rule;
        this.nominationId = nominationId;
    }

    public Documents need(String document, boolean present) {
        needed.add(document);
        if (!present) missing.add(document);
        return this;
    }

    public CriterionOutcome outcome() {
        String actual = missing.isEmpty() ? "complete" : "missing " + String.join(", ", missing);
        return Check.outcome(rule, nominationId, missing.isEmpty(), actual, String.join(", ", needed),
                new Comparison.Documents(needed, missing));
    }
}
