package dvk.testing;

import dvk.domain.CriterionOutcome;
import dvk.domain.EvaluationYear;
import dvk.domain.Nomination;
import dvk.domain.NominationFact;
import dvk.engine.RuleInfo;
import dvk.engine.RuleSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Fires one rule, named by its {@code @id}, on facts a test gives, and checks what it decided: in
 * the spirit of Timefold's {@code ConstraintVerifier}. No other rule fires (an agenda filter), so
 * a test gives the facts the rule reads (a {@code Score} with its total, {@code Measures} with
 * their months) instead of building a nomination whose score comes out right:
 * <pre>
 * verifier(rules).rule("city-bang-khen.min-score").given(score("M", 89)).fails("89", "&gt;= 90");
 * verifier(rules).rule("city-model.months-running").given(model("M"), measures("M").months(24)).passes();
 * </pre>
 * The session has the rule set's first {@code EvaluationYear} unless a test gives another.
 * Whole evaluations (titles granted, the quota ranked) are tested through {@link TestRules}.
 */
public final class RuleVerifier {
    /** Enough for any one rule on a handful of facts; a rule that keeps firing fails the test, not the JVM. */
    private static final int FIRING_CAP = 10_000;

    private final RuleSet rules;

    private RuleVerifier(RuleSet rules) {
        this.rules = rules;
    }

    public static RuleVerifier verifier(RuleSet rules) {
        return new RuleVerifier(rules);
    }

    /** The rule with this {@code @id}; a rule set without one fails the test, listing the ids it has. */
    public RuleUnderTest rule(String id) {
        RuleInfo info = rules.rulesById().get(id);
        if (info == null) {
            throw new AssertionError(rules.source() + " has no rule with @id(\"" + id + "\"); its rules: "
                    + new TreeSet<>(rules.rulesById().keySet()));
        }
        return new RuleUnderTest(rules, info);
    }

    /** One rule of one rule set, ready to be given facts. */
    public static final class RuleUnderTest {
        private final RuleSet rules;
        private final RuleInfo info;

        private RuleUnderTest(RuleSet rules, RuleInfo info) {
            this.rules = rules;
            this.info = info;
        }

        public String id() {
            return info.id();
        }

        /** The evaluation year the rule runs in unless a test gives an {@code EvaluationYear}: the rule set's first. */
        public int year() {
            return rules.years().from();
        }

        /**
         * The facts in the session: domain records, or builders of them ({@link NominationBuilder},
         * {@link Facts#measures}). The nomination the outcome is expected for is the one the first
         * of them is about; {@link Given#about} names another.
         */
        public Given given(Object... facts) {
            List<Object> built = new ArrayList<>();
            for (Object fact : facts) {
                built.add(fact instanceof FactBuilder builder ? builder.build() : fact);
            }
            if (built.stream().noneMatch(EvaluationYear.class::isInstance)) built.add(new EvaluationYear(year()));
            return new Given(this, built);
        }

        /** {@code rules/2026: city-model.commune-recognition}: how a parameterised test is named. */
        @Override
        public String toString() {
            return rules.source() + ": " + info.id();
        }

        private String where() {
            return info.id() + " (" + info.file() + ":" + info.line() + ")";
        }
    }

    /** The rule with its facts; it fires once, at the first question asked. */
    public static final class Given {
        private final RuleUnderTest rule;
        private final List<Object> facts;
        private String subject;
        private Fired fired;

        private Given(RuleUnderTest rule, List<Object> facts) {
            this.rule = rule;
            this.facts = List.copyOf(facts);
            this.subject = facts.stream().map(Given::nominationOf).filter(Objects::nonNull).findFirst().orElse(null);
        }

        /** Expects the outcome for this nomination rather than for the one the first fact is about. */
        public Given about(String nominationId) {
            subject = nominationId;
            return this;
        }

        /** The rule passed the criterion for the nomination; returns the outcome, for its citation or values. */
        public CriterionOutcome passes() {
            CriterionOutcome outcome = outcome();
            if (!outcome.passed()) {
                throw new AssertionError("expected " + rule.id() + " to pass " + subject + ", but it failed: "
                        + describe(outcome) + facts());
            }
            return outcome;
        }

        /** The rule failed the criterion for the nomination with exactly these values, in words as reports show them. */
        public CriterionOutcome fails(String actual, String required) {
            CriterionOutcome outcome = outcome();
            if (outcome.passed() || !outcome.actual().equals(actual) || !outcome.required().equals(required)) {
                throw new AssertionError("expected " + rule.id() + " to fail " + subject + " with " + actual
                        + ", required " + required + ", but it " + (outcome.passed() ? "passed" : "failed")
                        + ": " + describe(outcome) + facts());
            }
            return outcome;
        }

        /** The one outcome the rule inserted for the nomination. */
        public CriterionOutcome outcome() {
            Fired result = fire();
            List<CriterionOutcome> all = result.derived(CriterionOutcome.class);
            if (all.isEmpty()) {
                throw new AssertionError(result.firings == 0
                        ? rule.where() + " did not fire" + facts()
                        : rule.where() + " fired " + times(result.firings) + " but decided no criterion; it derived "
                                + result.derived + facts());
            }
            if (subject == null) {
                throw new AssertionError("no given fact is about a nomination: name the one expected with about(id)" + facts());
            }
            List<CriterionOutcome> mine = all.stream().filter(o -> o.nominationId().equals(subject)).toList();
            if (mine.isEmpty()) {
                throw new AssertionError(rule.where() + " fired for " + all.stream().map(CriterionOutcome::nominationId)
                        .distinct().collect(Collectors.joining(", ")) + ", not for " + subject + ": "
                        + all.stream().map(Given::describe).collect(Collectors.joining("; ")) + facts());
            }
            if (mine.size() > 1) {
                throw new AssertionError(rule.where() + " decided " + mine.size() + " outcomes for " + subject + ": "
                        + mine.stream().map(Given::describe).collect(Collectors.joining("; ")) + facts());
            }
            CriterionOutcome outcome = mine.get(0);
            if (!outcome.rule().equals(rule.id())) {
                throw new AssertionError("the outcome is labelled " + outcome.rule() + ", not " + rule.id());
            }
            return outcome;
        }

        /** The rule's conditions do not hold on these facts: it did not fire at all. */
        public void doesNotFire() {
            Fired result = fire();
            if (result.firings > 0) {
                throw new AssertionError("expected " + rule.where() + " not to fire, but it fired " + times(result.firings)
                        + " and derived " + result.derived + facts());
            }
        }

        /** The facts of this type the rule derived (for rules that derive quantities, not outcomes). */
        public <T> List<T> derived(Class<T> type) {
            Fired result = fire();
            if (result.firings == 0) throw new AssertionError(rule.where() + " did not fire" + facts());
            return result.derived(type);
        }

        /** The one fact of this type the rule derived. */
        public <T> T derivedOne(Class<T> type) {
            List<T> derived = derived(type);
            if (derived.size() != 1) {
                throw new AssertionError(rule.where() + " derived " + derived.size() + " " + type.getSimpleName()
                        + " facts, not one: " + fire().derived + facts());
            }
            return derived.get(0);
        }

        private Fired fire() {
            if (fired == null) fired = Fired.of(rule, facts);
            return fired;
        }

        private String facts() {
            return "\n  given: " + facts.stream().map(Given::show).collect(Collectors.joining(", "))
                    + "\n  in " + rule.rules.source();
        }

        private static String nominationOf(Object fact) {
            if (fact instanceof Nomination n) return n.id();
            if (fact instanceof NominationFact f) return f.nominationId();
            return null;
        }

        /** A nomination's record lists some twenty fields: its id and type are what tell it apart here. */
        private static String show(Object fact) {
            return fact instanceof Nomination n ? "Nomination " + n.id() + " (" + n.type() + ")" : String.valueOf(fact);
        }

        private static String describe(CriterionOutcome outcome) {
            return outcome.nominationId() + " " + (outcome.passed() ? "passed" : "failed") + " " + outcome.describe();
        }

        private static String times(int firings) {
            return firings == 1 ? "once" : firings + " times";
        }
    }

    /** What one firing of the rule left in the session beside the facts given. */
    private record Fired(int firings, List<Object> derived) {
        static Fired of(RuleUnderTest rule, List<Object> facts) {
            AgendaFilter onlyThisRule = match -> rule.id().equals(match.getRule().getMetaData().get("id"));
            KieSession session = rule.rules.kieBase().newKieSession();
            try {
                Set<Object> given = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Object fact : facts) {
                    session.insert(fact);
                    given.add(fact);
                }
                int firings = session.fireAllRules(onlyThisRule, FIRING_CAP);
                if (firings >= FIRING_CAP) {
                    throw new AssertionError(rule.where() + " fired " + firings + " times on a handful of facts");
                }
                List<Object> derived = new ArrayList<>();
                for (Object fact : session.getObjects()) {
                    if (!given.contains(fact)) derived.add(fact);
                }
                return new Fired(firings, List.copyOf(derived));
            } finally {
                session.dispose();
            }
        }

        <T> List<T> derived(Class<T> type) {
            return derived.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
