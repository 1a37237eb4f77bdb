package dvk.testing;

import dvk.domain.Batch;
import dvk.domain.CriterionOutcome;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import dvk.domain.NotAwarded;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleBuildMode;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repository's rule sets (rules/2024-2025, rules/2026), each compiled once per test JVM, and
 * evaluation the way users see it.
 */
public final class TestRules {
    /** The repository's directory of rule sets. */
    public static final Path LIBRARY = Path.of("rules");
    /** The rule set for 2024–2025 batches, which most tests exercise. */
    public static final Path RULES = LIBRARY.resolve("2024-2025");
    private static final Map<String, TestRuleSet> COMPILED = new HashMap<>();

    private TestRules() {}

    /** rules/2024-2025. */
    public static RuleSet standard() {
        return ruleSet("2024-2025").rules();
    }

    /** The rule set in rules/{@code name} ({@code "2024-2025"}, {@code "2026"}), as dvk loads it: precompiled when unedited. */
    public static TestRuleSet ruleSet(String name) {
        return compiled(name, RuleBuildMode.AUTO);
    }

    /** The rule set in rules/{@code name} compiled from its DRL now, as an edited rule set is. */
    public static TestRuleSet compiledNow(String name) {
        return compiled(name, RuleBuildMode.EXECUTABLE_MODEL);
    }

    private static synchronized TestRuleSet compiled(String name, RuleBuildMode mode) {
        Path directory = LIBRARY.resolve(name);
        String label = RuleCompiler.label(directory) + (mode == RuleBuildMode.AUTO ? "" : ", compiled now");
        TestRuleSet compiled = COMPILED.get(label);
        if (compiled == null) {
            try {
                compiled = new TestRuleSet(label, new RuleCompiler(mode).compile(directory));
            } catch (RulesException e) {
                throw new AssertionError(directory + " does not compile:\n" + e.getMessage(), e);
            }
            COMPILED.put(label, compiled);
        }
        return compiled;
    }

    /** Every rule set of rules/, oldest first: a rule set added there is tested with the others. */
    public static List<TestRuleSet> all() {
        try (Stream<Path> entries = Files.list(LIBRARY)) {
            return entries.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                    .map(TestRules::ruleSet).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
