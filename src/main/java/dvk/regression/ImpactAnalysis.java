package dvk.regression;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares two evaluations of one batch, by base and changed rules. Decides nothing: it reads both decisions. */
public final class ImpactAnalysis {
    private ImpactAnalysis() {}

    public static Impact compare(String input, Evaluation base, Evaluation changed) {
        if (base.records() != changed.records() || base.year() != changed.year()) {
            throw new IllegalArgumentException("the two evaluations are not of one batch");
        }
        Map<Integer, Decision> decidedAfter = new LinkedHashMap<>();
        changed.decisions().forEach(d -> decidedAfter.put(d.index(), d));
        Set<String> baseTitles = codes(base.rules());
        Set<String> changedTitles = codes(changed.rules());

        List<Impact.NominationChange> titleChanges = new ArrayList<>();
        List<Impact.NominationChange> reasonChanges = new ArrayList<>();
        for (Decision before : base.decisions()) {
            Decision now = decidedAfter.get(before.index());
            if (now == null) continue;
            Set<String> titlesBefore = titles(before);
            Set<String> titlesAfter = titles(now);
            List<String> gained = titlesAfter.stream().filter(t -> !titlesBefore.contains(t)).toList();
            List<String> lost = titlesBefore.stream().filter(t -> !titlesAfter.contains(t)).toList();
            List<String> removed = new ArrayList<>();
            for (CriterionOutcome o : before.outcomes()) {
                if (!o.title().equals(CriterionOutcome.EVERY_TITLE) && !changedTitles.contains(o.title())
                        && !removed.contains(o.title())) {
                    removed.add(o.title());
                }
            }
            List<Impact.OutcomeChange> outcomes = outcomeChanges(before, now, changedTitles);
            Integer scoreBefore = before.score() == null ? null : before.score().total();
            Integer scoreAfter = now.score() == null ? null : now.score().total();
            boolean scoreChanged = !Objects.equals(scoreBefore, scoreAfter);
            Impact.NominationChange change = new Impact.NominationChange(before.index(), before.nomination().id(),
                    before.nomination().name(), before.nomination().district(), gained, lost, scoreBefore, scoreAfter,
                    removed, outcomes);
            if (!gained.isEmpty() || !lost.isEmpty()) {
                titleChanges.add(change);
            } else if (!outcomes.isEmpty() || scoreChanged) {
                reasonChanges.add(change);
            }
        }
        return new Impact(input, base.year(), base.records(), base.rejected().size(),
                side(base), side(changed), titleCounts(base, changed, decidedAfter, baseTitles, changedTitles), titleChanges,
                reasonChanges);
    }

    private static Impact.Side side(Evaluation evaluation) {
        RuleSet rules = evaluation.rules();
        return new Impact.Side(rules.source(), rules.manifest().name(), rules.years(), rules.fingerprint(),
                rules.ruleCount(), !rules.years().includes(evaluation.year()));
    }

    /** Titles of both rule sets: the base's in its order, then titles only the changed rules have. */
    private static List<Impact.TitleChange> titleCounts(Evaluation base, Evaluation changed, Map<Integer, Decision> decidedAfter,
                                                        Set<String> baseTitles, Set<String> changedTitles) {
        Map<String, TitleDefinition> all = new LinkedHashMap<>();
        base.rules().titles().forEach(t -> all.put(t.code(), t));
        changed.rules().titles().forEach(t -> all.putIfAbsent(t.code(), t));
        List<Impact.TitleChange> counts = new ArrayList<>();
        for (TitleDefinition title : all.values()) {
            long gained = 0;
            long lost = 0;
            for (Decision before : base.decisions()) {
                Decision now = decidedAfter.get(before.index());
                boolean heldBefore = before.holds(title.code());
                boolean heldAfter = now != null && now.holds(title.code());
                if (heldAfter && !heldBefore) gained++;
                if (heldBefore && !heldAfter) lost++;
            }
            counts.add(new Impact.TitleChange(title.code(), title.nameVi(), title.nameEn(),
                    baseTitles.contains(title.code()), changedTitles.contains(title.code()),
                    base.count(title.code()), changed.count(title.code()), gained, lost));
        }
        return counts;
    }

    /**
     * Criteria whose verdict differs, keyed by title and criterion: passed under one rule set and
     * failed under the other, or failed under one and not checked by the other. A requirement that
     * moves without changing the verdict moves no title and is left out; so are titles the changed
     * rules no longer have (listed once as removed).
     */
    private static List<Impact.OutcomeChange> outcomeChanges(Decision before, Decision now, Set<String> changedTitles) {
        Map<String, CriterionOutcome> outcomesBefore = byKey(before.outcomes());
        Map<String, CriterionOutcome> outcomesAfter = byKey(now.outcomes());
        Set<String> keys = new LinkedHashSet<>(outcomesBefore.keySet());
        keys.addAll(outcomesAfter.keySet());
        List<Impact.OutcomeChange> changes = new ArrayList<>();
        for (String key : keys) {
            CriterionOutcome outcomeBefore = outcomesBefore.get(key);
            CriterionOutcome outcomeAfter = outcomesAfter.get(key);
            CriterionOutcome either = outcomeBefore != null ? outcomeBefore : outcomeAfter;
            if (outcomeAfter == null && !either.title().equals(CriterionOutcome.EVERY_TITLE)
                    && !changedTitles.contains(either.title())) {
                continue;
            }
            if (blocks(outcomeBefore) != blocks(outcomeAfter)) {
                changes.add(new Impact.OutcomeChange(either.title(), either.criterion(), outcomeBefore, outcomeAfter));
            }
        }
        return changes;
    }

    /** A failed criterion blocks its title; a passed or unchecked one does not. */
    private static boolean blocks(CriterionOutcome outcome) {
        return outcome != null && !outcome.passed();
    }

    private static Map<String, CriterionOutcome> byKey(List<CriterionOutcome> outcomes) {
        Map<String, CriterionOutcome> byKey = new LinkedHashMap<>();
        for (CriterionOutcome o : outcomes) byKey.putIfAbsent(o.title() + "\u0000" + o.criterion(), o);
        return byKey;
    }

    private static Set<String> titles(Decision decision) {
        return decision.awards().stream().map(Award::title).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> codes(RuleSet rules) {
        return rules.titles().stream().map(TitleDefinition::code).collect(Collectors.toSet());
    }
}
