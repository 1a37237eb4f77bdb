package dvk.engine;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.NotAwarded;
import dvk.domain.Score;
import dvk.domain.Superseded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the facts the rules derived into a decision, deciding nothing itself: the titles awarded
 * are the Award facts; a title is missed when some rule checked a criterion for it and no rule
 * awarded it; its reasons are exactly the failed outcomes that apply to it.
 */
final class DecisionAssembler {
    private final RuleSet rules;

    DecisionAssembler(RuleSet rules) {
        this.rules = rules;
    }

    Decision assemble(Indexed<Nomination> nomination, SessionFacts facts) {
        if (facts.scores().size() > 1) {
            throw new RuleFailure("score.total", "nomination " + nomination.value().id()
                    + " got " + facts.scores().size() + " scores; a nomination has one", null);
        }
        Score score = facts.scores().isEmpty() ? null : facts.scores().get(0);
        List<Award> awards = facts.awards().stream()
                .distinct()
                .sorted(Comparator.comparingInt((Award a) -> rules.titleOrder(a.title())).thenComparing(Award::title))
                .toList();
        Set<String> awarded = awards.stream().map(Award::title).collect(Collectors.toSet());
        Set<String> superseded = facts.superseded().stream().map(Superseded::title).collect(Collectors.toSet());
        // one sort of the outcomes; each title's failed criteria are then a filter of it, in the same order
        List<CriterionOutcome> outcomes = inRuleOrder(facts.outcomes().stream().distinct());
        List<NotAwarded> notAwarded = outcomes.stream()
                .map(CriterionOutcome::title)
                .filter(t -> !t.equals(CriterionOutcome.EVERY_TITLE))
                .distinct()
                .filter(t -> !awarded.contains(t) && !superseded.contains(t))
                .sorted(Comparator.comparingInt(rules::titleOrder).thenComparing(Comparator.naturalOrder()))
                .map(title -> new NotAwarded(title, failed(outcomes, title)))
                .toList();
        return new Decision(nomination.index(), nomination.value(), score, awards, notAwarded, outcomes);
    }

    /** Failed outcomes for the title, eligibility first, then in the order the rules are written. */
    private static List<CriterionOutcome> failed(List<CriterionOutcome> inRuleOrder, String title) {
        List<CriterionOutcome> failed = new ArrayList<>();
        for (CriterionOutcome o : inRuleOrder) {
            if (!o.passed() && o.appliesTo(title)) failed.add(o);
        }
        return failed;
    }

    /** Eligibility first, then in the order the rules are written (each rule's order looked up once). */
    private List<CriterionOutcome> inRuleOrder(Stream<CriterionOutcome> outcomes) {
        record Keyed(CriterionOutcome outcome, boolean titled, int order) {}
        return outcomes.map(o -> new Keyed(o, !o.title().equals(CriterionOutcome.EVERY_TITLE), rules.ruleOrder(o.rule())))
                .sorted(Comparator.comparing(Keyed::titled)
                        .thenComparingInt(Keyed::order)
                        .thenComparing(k -> k.outcome().criterion())
                        .thenComparing(k -> k.outcome().actual()))
                .map(Keyed::outcome)
                .toList();
    }
}
