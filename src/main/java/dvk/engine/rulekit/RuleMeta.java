package dvk.engine.rulekit;

import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The metadata of the firing rule: {@code @id}, {@code @cite}; {@code @title} and {@code @criterion}
 * on criterion rules; {@code @awards} on award rules; {@code @withholds} on rules that withhold a title.
 */
record RuleMeta(Rule rule) {

    static RuleMeta of(RuleContext context) {
        return new RuleMeta(context.getRule());
    }

    String id() {
        return required("id");
    }

    String cite() {
        return required("cite");
    }

    String title() {
        return required("title");
    }

    String criterion() {
        return required("criterion");
    }

    String awards() {
        return required("awards");
    }

    String withholds() {
        return required("withholds");
    }

    private String required(String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" has no @" + key + " metadata");
        }
        return value.toString();
    }
}
