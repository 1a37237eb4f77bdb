package dvk.testing;

import dvk.domain.Decision;
import dvk.domain.Level;
import dvk.domain.NominationType;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import java.util.List;

/**
 * One rule set of rules/ under test, named as outputs name it ({@code rules/2026}), with the first
 * year it applies to: the year its tests evaluate and its verifier's {@code EvaluationYear}.
 */
public record TestRuleSet(String name, RuleSet rules) {

    /** The first evaluation year of the rule set: 2024 for rules/2024-2025, 2026 for rules/2026. */
    public int year() {
        return rules.years().from();
    }

    /** Whether some rule of the set has this {@code @id}. */
    public boolean has(String ruleId) {
        return rules.rulesById().containsKey(ruleId);
    }

    /** The title codes some rule of the set awards to models, or to works, in the order of its titles data. */
    public List<String> titles(NominationType type) {
        return rules.awardedTitles().stream().filter(t -> t.appliesTo() == type).map(TitleDefinition::code).toList();
    }

    /** A verifier of single rules of this set, in its first year. */
    public RuleVerifier verifier() {
        return RuleVerifier.verifier(rules);
    }

    /**
     * A model that earns every model title of this rule set: the builder's model (score 100, a
     * COMMUNE recognition in 2022 and a DISTRICT_MODEL in 2023) with a COMMUNE recognition the
     * year before, which from 2026 is CITY_MODEL's prerequisite in place of the district model.
     */
    public NominationBuilder model(String id) {
        return NominationBuilder.model(id).prior(year() - 1, Level.COMMUNE, "COMMUNE_MODEL");
    }

    /** The builder's work, which earns the city sign in either rule set. */
    public NominationBuilder work(String id) {
        return NominationBuilder.work(id);
    }

    /** Evaluates the nominations as one batch of {@link #year()}, the whole pipeline. */
    public Evaluation evaluate(NominationBuilder... nominations) {
        return TestRules.evaluate(rules, year(), nominations);
    }

    /** The decision for one nomination evaluated alone. */
    public Decision decide(NominationBuilder nomination) {
        return evaluate(nomination).decisions().get(0);
    }

    @Override
    public String toString() {
        return name;
    }
}
