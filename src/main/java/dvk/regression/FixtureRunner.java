package dvk.regression;

import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.FieldError;
import dvk.domain.NotAwarded;
import dvk.domain.RejectedRecord;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RulesException;
import dvk.engine.YearlyRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Evaluates a fixture's batch and lists every difference from what it expects. */
public final class FixtureRunner {
    private final YearlyRules rules;
    private final Duration ruleTimeout;

    /** Each fixture is evaluated with the rule set of its batch's year. */
    public FixtureRunner(YearlyRules rules) {
        this(rules, Evaluator.DEFAULT_RULE_TIMEOUT);
    }

    public FixtureRunner(YearlyRules rules, Duration ruleTimeout) {
        this.rules = rules;
        this.ruleTimeout = ruleTimeout;
    }

    /** A fixture's batch evaluated, and every difference from what the fixture expects. */
    public record Checked(Evaluation evaluation, List<Mismatch> mismatches) {
        public Checked {
            mismatches = List.copyOf(mismatches);
        }
    }

    public List<Mismatch> run(Fixture fixture) throws RulesException {
        return check(fixture).mismatches();
    }

    public Checked check(Fixture fixture) throws RulesException {
        Evaluation evaluation = new Evaluator(rules.forYear(fixture.batch().year())).withRuleTimeout(ruleTimeout)
                .evaluate(fixture.batch());
        Map<String, Decision> decided = new HashMap<>();
        evaluation.decisions().forEach(d -> decided.put(d.nomination().id(), d));
        Map<String, RejectedRecord> rejected = new HashMap<>();
        evaluation.rejected().stream().filter(r -> r.id() != null).forEach(r -> rejected.putIfAbsent(r.id(), r));
        List<Mismatch> mismatches = new ArrayList<>();
        for (Expectation expected : fixture.expected().values()) {
            Decision decision = decided.get(expected.id());
            RejectedRecord rejection = rejected.get(expected.id());
            // a duplicate id is decided once and rejected once: the expectation says which it checks
            if (expected.expectsRejection()) {
                compareRejection(fixture.name(), expected, rejection, mismatches);
            } else if (decision == null) {
                mismatches.add(new Mismatch(fixture.name(), expected.id(), "-", "decided",
                        rejection == null ? "not in the batch" : "rejected", rejection == null ? "" : rejection.describe(),
                        Mismatch.Kind.NOT_DECIDED));
            } else {
                compareDecision(fixture.name(), expected, decision, mismatches);
            }
        }
        Set<String> unexpected = new TreeSet<>(decided.keySet());
        unexpected.addAll(rejected.keySet());
        unexpected.removeAll(fixture.expected().keySet());
        for (String id : unexpected) {
            Decision d = decided.get(id);
            mismatches.add(new Mismatch(fixture.name(), id, "-", "(no expectation)",
                    d == null ? "rejected" : "awards " + titles(d), "", Mismatch.Kind.NO_EXPECTATION));
        }
        long anonymous = evaluation.rejected().stream().filter(r -> r.id() == null).count();
        if (anonymous > 0) {
            mismatches.add(new Mismatch(fixture.name(), "(no id)", "-", "(no expectation)",
                    anonymous + " rejected without an id", "", Mismatch.Kind.NO_EXPECTATION));
        }
        return new Checked(evaluation, mismatches);
    }

    private static void compareDecision(String fixture, Expectation expected, Decision decision, List<Mismatch> out) {
        Set<String> got = titles(decision);
        for (String title : union(expected.awards(), got)) {
            boolean wanted = expected.awards().contains(title);
            if (wanted != got.contains(title)) {
                out.add(new Mismatch(fixture, expected.id(), title, wanted ? "awarded" : "not awarded",
                        got.contains(title) ? "awarded" : "not awarded", reasons(decision, title), Mismatch.Kind.AWARD));
            }
        }
        for (Map.Entry<String, Set<String>> entry : expected.failed().entrySet()) {
            Set<String> failed = failedCriteria(decision, entry.getKey());
            if (!failed.equals(entry.getValue())) {
                out.add(new Mismatch(fixture, expected.id(), entry.getKey(), "failed " + entry.getValue(),
                        "failed " + failed, reasons(decision, entry.getKey()), Mismatch.Kind.FAILED));
            }
        }
        if (expected.score() != null) {
            Integer score = decision.score() == null ? null : decision.score().total();
            if (!expected.score().equals(score)) {
                out.add(new Mismatch(fixture, expected.id(), "score", String.valueOf(expected.score()),
                        String.valueOf(score), decision.score() == null ? "" : decision.score().parts().toString(),
                        Mismatch.Kind.SCORE));
            }
        }
    }

    private static void compareRejection(String fixture, Expectation expected, RejectedRecord rejection, List<Mismatch> out) {
        if (rejection == null) {
            out.add(new Mismatch(fixture, expected.id(), "-", "rejected " + expected.rejectedFields(), "not rejected", "",
                    Mismatch.Kind.REJECTION));
            return;
        }
        Set<String> fields = rejection.errors().stream().map(FieldError::field).collect(Collectors.toCollection(TreeSet::new));
        if (!fields.equals(expected.rejectedFields())) {
            out.add(new Mismatch(fixture, expected.id(), "-", "rejected " + expected.rejectedFields(),
                    "rejected " + fields, rejection.describe(), Mismatch.Kind.REJECTION));
        }
    }

    private static Set<String> titles(Decision decision) {
        return decision.awards().stream().map(a -> a.title()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> failedCriteria(Decision decision, String title) {
        return decision.notAwarded().stream()
                .filter(n -> n.title().equals(title))
                .flatMap(n -> n.failed().stream())
                .map(CriterionOutcome::criterion)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String reasons(Decision decision, String title) {
        return decision.notAwarded().stream()
                .filter(n -> n.title().equals(title))
                .map(NotAwarded::failed)
                .flatMap(List::stream)
                .map(CriterionOutcome::describe)
                .collect(Collectors.joining("; "));
    }


    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
