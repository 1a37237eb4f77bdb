package dvk.testing;

import dvk.domain.Batch;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.NotAwarded;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The repository's rules/, compiled once per test JVM, and evaluation the way users see it. */
public final class TestRules {
    /** The rule set for 2024–2025 batches, which the tests exercise. */
    public static final Path RULES = Path.of("rules/2024-2025");
    private static RuleSet standard;

    private TestRules() {}

    public static synchronized RuleSet standard() {
        if (standard == null) {
            try {
                standard = new RuleCompiler().compile(RULES);
            } catch (RulesException e) {
                throw new AssertionError(RULES + " does not compile:\n" + e.getMessage(), e);
            }
        }
        return standard;
    }

    /** Evaluates the nominations as one 2024 batch with the standard rules. */
    public static Evaluation evaluate(NominationBuilder... nominations) {
        return evaluate(standard(), 2024, nominations);
    }

    public static Evaluation evaluate(RuleSet rules, int year, NominationBuilder... nominations) {
        List<Indexed<Nomination>> accepted = new ArrayList<>();
        for (NominationBuilder n : nominations) {
            accepted.add(new Indexed<>(accepted.size(), n.build()));
        }
        return new Evaluator(rules).evaluate(new Batch(year, accepted, List.of()));
    }

    /** The decision for one nomination evaluated alone. */
    public static Decision decide(NominationBuilder nomination) {
        return evaluate(nomination).decisions().get(0);
    }

    public static Decision decision(Evaluation evaluation, String id) {
        return evaluation.decisions().stream().filter(d -> d.nomination().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + id));
    }

    public static Set<String> titles(Decision decision) {
        return decision.awards().stream().map(a -> a.title()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The criteria the decision lists as failed for a title; empty when the title is not listed as missed. */
    public static Set<String> failed(Decision decision, String title) {
        return notAwarded(decision, title).map(n -> n.failed().stream().map(CriterionOutcome::criterion)
                .collect(Collectors.toCollection(TreeSet::new))).orElseGet(TreeSet::new);
    }

    public static Optional<NotAwarded> notAwarded(Decision decision, String title) {
        return decision.notAwarded().stream().filter(n -> n.title().equals(title)).findFirst();
    }

    /** The failed outcome of one criterion of a title. */
    public static CriterionOutcome failure(Decision decision, String title, String criterion) {
        return notAwarded(decision, title).flatMap(n -> n.failed().stream()
                        .filter(o -> o.criterion().equals(criterion)).findFirst())
                .orElseThrow(() -> new AssertionError(title + " does not list " + criterion + " as failed: "
                        + decision.notAwarded()));
    }
}
