package dvk.engine;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.NotAwarded;
import dvk.domain.QuotaCandidate;
import dvk.domain.Score;
import dvk.domain.Superseded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the facts the rules derived into a decision, deciding nothing itself: the titles awarded
 * are the Award facts; a title is missed when some rule checked a criterion for it and no rule
 * awarded it; its reasons are exactly the failed outcomes that apply to it. An award that does not
 * rest on an outcome of every criterion the titles data requires of its title is a failure of the
 * rules, never an award: a criterion whose rule did not fire (its facts missing, its file emptied)
 * would otherwise never fail.
 */
final class DecisionAssembler {
    private final RuleSet rules;
    private final Comparator<Award> awardOrder;
    private final Comparator<String> titleOrder;
    /** Each title's required criteria, looked up once. */
    private final Map<String, List<String>> required = new HashMap<>();

    DecisionAssembler(RuleSet rules) {
        this.rules = rules;
        rules.titles().forEach(t -> required.put(t.code(), rules.requiredCriteria(t.code())));
        this.titleOrder = Comparator.comparingInt(rules::titleOrder).thenComparing(Comparator.naturalOrder());
        this.awardOrder = Comparator.comparing(Award::title, titleOrder);
    }

    Decision assemble(Indexed<Nomination> nomination, SessionFacts facts) {
        if (facts.scores().size() > 1) {
            throw new RuleFailure("score.total", "nomination " + nomination.value().id()
                    + " got " + facts.scores().size() + " scores; a nomination has one", null);
        }
        Score score = facts.scores().isEmpty() ? null : facts.scores().get(0);
        // loops, not streams: assembling is done for every record, and streams showed in the profile
        List<Award> awards = new ArrayList<>(facts.awards().size());
        for (Award award : facts.awards()) {
            if (!awards.contains(award)) awards.add(award);
        }
        awards.sort(awardOrder);
        // one sort of the outcomes; each title's failed criteria are then a filter of it, in the same order
        List<CriterionOutcome> outcomes = inRuleOrder(facts.outcomes());
        for (Award award : awards) requireOutcomes(nomination.value().id(), award, outcomes);
        List<String> missed = new ArrayList<>();
        for (CriterionOutcome o : outcomes) {
            String title = o.title();
            if (!title.equals(CriterionOutcome.EVERY_TITLE) && !missed.contains(title)
                    && !holds(awards, title) && !superseded(facts.superseded(), title)) {
                missed.add(title);
            }
        }
        missed.sort(titleOrder);
        List<NotAwarded> notAwarded = new ArrayList<>(missed.size());
        for (String title : missed) notAwarded.add(new NotAwarded(title, failed(outcomes, title)));
        List<String> quotaTitles = new ArrayList<>(facts.quotaCandidates().size());
        for (QuotaCandidate candidate : facts.quotaCandidates()) {
            if (!quotaTitles.contains(candidate.title())) quotaTitles.add(candidate.title());
        }
        quotaTitles.sort(titleOrder);
        return new Decision(nomination.index(), nomination.value(), score, awards, notAwarded, outcomes, quotaTitles);
    }

    /** Every criterion the titles data requires of the award's title has an outcome, or the rules failed. */
    private void requireOutcomes(String nominationId, Award award, List<CriterionOutcome> outcomes) {
        List<String> missing = null;
        for (String criterion : required.getOrDefault(award.title(), List.of())) {
            if (!hasOutcome(outcomes, award.title(), criterion)) {
                if (missing == null) missing = new ArrayList<>();
                missing.add(criterion);
            }
        }
        if (missing != null) {
            throw new RuleFailure(award.rule(), "rule \"" + award.rule() + "\" awarded " + award.title() + " to nomination "
                    + nominationId + " without an outcome for " + String.join(", ", missing) + ", which titles.json requires"
                    + " of " + award.title() + " (no rule checked " + (missing.size() == 1 ? "it" : "them")
                    + " for this nomination): an award rests on every required criterion", null);
        }
    }

    private static boolean hasOutcome(List<CriterionOutcome> outcomes, String title, String criterion) {
        for (CriterionOutcome o : outcomes) {
            if (o.criterion().equals(criterion) && o.appliesTo(title)) return true;
        }
        return false;
    }

    private static boolean holds(List<Award> awards, String title) {
        for (Award a : awards) {
            if (a.title().equals(title)) return true;
        }
        return false;
    }

    private static boolean superseded(List<Superseded> superseded, String title) {
        for (Superseded s : superseded) {
            if (s.title().equals(title)) return true;
        }
        return false;
    }

    /** Failed outcomes for the title, eligibility first, then in the order the rules are written. */
    private static List<CriterionOutcome> failed(List<CriterionOutcome> inRuleOrder, String title) {
        List<CriterionOutcome> failed = new ArrayList<>();
        for (CriterionOutcome o : inRuleOrder) {
            if (!o.passed() && o.appliesTo(title)) failed.add(o);
        }
        return failed;
    }

    /** An outcome with its sort key: eligibility first, then the deciding rule's place in the rule files. */
    private record Keyed(CriterionOutcome outcome, boolean titled, int order) {}

    /**
     * Written out rather than chained with {@code thenComparing}: the chain of lambdas was the hottest
     * frame of assembling in the profile.
     */
    private static int compare(Keyed a, Keyed b) {
        if (a.titled != b.titled) return a.titled ? 1 : -1;
        if (a.order != b.order) return Integer.compare(a.order, b.order);
        int c = a.outcome.criterion().compareTo(b.outcome.criterion());
        return c != 0 ? c : a.outcome.actual().compareTo(b.outcome.actual());
    }

    /**
     * Eligibility first, then in the order the rules are written (each rule's order looked up once),
     * each outcome once. The sort is stable, so equal outcomes end up in the same run of ties, where
     * a repeat is dropped.
     */
    private List<CriterionOutcome> inRuleOrder(List<CriterionOutcome> outcomes) {
        Keyed[] keyed = new Keyed[outcomes.size()];
        for (int i = 0; i < keyed.length; i++) {
            CriterionOutcome o = outcomes.get(i);
            keyed[i] = new Keyed(o, !o.title().equals(CriterionOutcome.EVERY_TITLE), rules.ruleOrder(o.rule()));
        }
        Arrays.sort(keyed, DecisionAssembler::compare);
        List<CriterionOutcome> sorted = new ArrayList<>(keyed.length);
        int ties = 0;
        for (int i = 0; i < keyed.length; i++) {
            if (i > 0 && compare(keyed[i - 1], keyed[i]) != 0) ties = sorted.size();
            if (!sorted.subList(ties, sorted.size()).contains(keyed[i].outcome())) sorted.add(keyed[i].outcome());
        }
        return sorted;
    }
}
