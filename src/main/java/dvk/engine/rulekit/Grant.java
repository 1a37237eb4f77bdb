package dvk.engine.rulekit;

import dvk.domain.Award;
import dvk.domain.Superseded;
import org.kie.api.runtime.rule.RuleContext;

/** What award rules call: the title comes from the rule's {@code @awards}, the reason from its {@code @id}/{@code @cite}. */
public final class Grant {
    private Grant() {}

    public static Award title(RuleContext rule, String nominationId) {
        RuleMeta meta = RuleMeta.of(rule);
        return new Award(nominationId, meta.awards(), meta.id(), meta.cite());
    }

    /** The rule's {@code @withholds} title is withheld from this nomination because it holds {@code higherTitle}. */
    public static Superseded supersededBy(RuleContext rule, String nominationId, String higherTitle) {
        return new Superseded(nominationId, RuleMeta.of(rule).withholds(), higherTitle);
    }
}
