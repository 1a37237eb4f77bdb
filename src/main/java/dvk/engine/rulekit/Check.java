package dvk.engine.rulekit;

import dvk.domain.Comparison;
import dvk.domain.CriterionOutcome;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.domain.Numbers;
import dvk.domain.PriorRecognition;
import dvk.domain.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What criteria rules call in their consequence: each method compares an actual value with the
 * requirement the rule states, and returns the outcome (passed or failed, with both values in
 * the data contract's words, and as data in a {@link Comparison} for a report to word) labelled with the firing rule's {@code @title}, {@code @criterion}, {@code @id} and
 * {@code @cite}. The threshold always comes from the rule; nothing here knows a policy number.
 */
public final class Check {
    private Check() {}

    public static CriterionOutcome atLeast(RuleContext rule, String nominationId, Number actual, Number required) {
        boolean passed = Numbers.toBigDecimal(actual).compareTo(Numbers.toBigDecimal(required)) >= 0;
        return outcome(rule, nominationId, passed, Numbers.format(actual), ">= " + Numbers.format(required),
                new Comparison.AtLeast(actual, required));
    }

    /** {@code part / total >= percent / 100}, exactly; a total of 0 fails. */
    public static CriterionOutcome shareAtLeast(RuleContext rule, String nominationId, long part, long total, Number percent) {
        String required = ">= " + Numbers.format(percent) + "%";
        if (total <= 0) {
            return outcome(rule, nominationId, false, "no total value", required,
                    new Comparison.ShareAtLeast(part, total, null, percent));
        }
        BigDecimal hundred = BigDecimal.valueOf(100);
        boolean passed = BigDecimal.valueOf(part).multiply(hundred)
                .compareTo(Numbers.toBigDecimal(percent).multiply(BigDecimal.valueOf(total))) >= 0;
        BigDecimal share = BigDecimal.valueOf(part).multiply(hundred).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
        return outcome(rule, nominationId, passed, Numbers.format(share) + "%", required,
                new Comparison.ShareAtLeast(part, total, share, percent));
    }

    /** A prior recognition with this title code in a year from {@code fromYear} to {@code toYear}. */
    public static CriterionOutcome hasPriorTitle(RuleContext rule, Nomination nomination, String title, int fromYear, int toYear) {
        List<PriorRecognition> withTitle = priors(nomination, p -> p.title().equals(title));
        boolean passed = withTitle.stream().anyMatch(p -> p.year() >= fromYear && p.year() <= toYear);
        return outcome(rule, nomination.id(), passed, describe(withTitle, "no " + title),
                title + " in " + years(fromYear, toYear),
                new Comparison.PriorTitle(title, new Comparison.Years(fromYear, toYear), withTitle));
    }

    /** No prior recognition with this title code in a year from {@code fromYear} to {@code toYear}. */
    public static CriterionOutcome noPriorTitle(RuleContext rule, Nomination nomination, String title, int fromYear, int toYear) {
        List<PriorRecognition> inWindow = priors(nomination,
                p -> p.title().equals(title) && p.year() >= fromYear && p.year() <= toYear);
        return outcome(rule, nomination.id(), inWindow.isEmpty(), describe(inWindow, "none"),
                "no " + title + " in " + years(fromYear, toYear),
                new Comparison.NoPriorTitle(title, new Comparison.Years(fromYear, toYear), inWindow));
    }

    /** A prior recognition of any title at this level, in a year up to {@code upToYear}. */
    public static CriterionOutcome hasPriorAtLevel(RuleContext rule, Nomination nomination, Level level, int upToYear) {
        List<PriorRecognition> atLevel = priors(nomination, p -> p.level() == level);
        boolean passed = atLevel.stream().anyMatch(p -> p.year() <= upToYear);
        return outcome(rule, nomination.id(), passed, describe(atLevel, "no " + level + " recognition"),
                "a " + level + " recognition in " + upToYear + " or before",
                new Comparison.PriorAtLevel(level, Comparison.Years.upTo(upToYear), atLevel));
    }

    /** A prior recognition of any title at this level, in a year from {@code fromYear} to {@code toYear}. */
    public static CriterionOutcome hasPriorAtLevel(RuleContext rule, Nomination nomination, Level level, int fromYear, int toYear) {
        List<PriorRecognition> atLevel = priors(nomination, p -> p.level() == level);
        boolean passed = atLevel.stream().anyMatch(p -> p.year() >= fromYear && p.year() <= toYear);
        return outcome(rule, nomination.id(), passed, describe(atLevel, "no " + level + " recognition"),
                "a " + level + " recognition in " + years(fromYear, toYear),
                new Comparison.PriorAtLevel(level, new Comparison.Years(fromYear, toYear), atLevel));
    }

    /** No violation recorded in a year from {@code fromYear} to {@code toYear}. */
    public static CriterionOutcome noViolation(RuleContext rule, Nomination nomination, int fromYear, int toYear) {
        List<Violation> inWindow = nomination.violations().stream()
                .filter(v -> v.year() >= fromYear && v.year() <= toYear)
                .toList();
        String actual = inWindow.isEmpty() ? "none" : inWindow.stream()
                .map(v -> v.description() == null || v.description().isBlank()
                        ? "violation in " + v.year()
                        : "violation in " + v.year() + ": " + v.description())
                .collect(Collectors.joining("; "));
        return outcome(rule, nomination.id(), inWindow.isEmpty(), actual, "no violation in " + years(fromYear, toYear),
                new Comparison.NoViolation(new Comparison.Years(fromYear, toYear), inWindow));
    }

    /** A prerequisite title awarded this year ({@code held} counts its awards). */
    public static CriterionOutcome titleAwarded(RuleContext rule, String nominationId, String title, long held) {
        return outcome(rule, nominationId, held > 0, held > 0 ? title + " awarded" : title + " not awarded",
                title + " awarded this year", new Comparison.TitleAwarded(title, held > 0));
    }

    /** Rank within a quota-limited title's district ranking. */
    public static CriterionOutcome withinQuota(RuleContext rule, String nominationId, String district, long rank, int quota) {
        return outcome(rule, nominationId, rank <= quota, "rank " + rank + " in " + district,
                "rank <= " + quota + " (district quota)", new Comparison.WithinQuota(district, rank, quota));
    }

    /** Start of a document check: every named document must be present. */
    public static Documents documents(RuleContext rule, String nominationId) {
        return new Documents(rule, nominationId);
    }

    static CriterionOutcome outcome(RuleContext rule, String nominationId, boolean passed, String actual, String required,
                                    Comparison comparison) {
        RuleMeta meta = RuleMeta.of(rule);
        return new CriterionOutcome(nominationId, meta.title(), meta.criterion(), passed, actual, required,
                meta.id(), meta.cite(), comparison);
    }

    private static List<PriorRecognition> priors(Nomination nomination, Predicate<PriorRecognition> filter) {
        return nomination.priorRecognitions().stream().filter(filter).toList();
    }

    private static String describe(List<PriorRecognition> priors, String none) {
        if (priors.isEmpty()) return none;
        return priors.stream()
                .map(p -> p.title() + " (" + p.level() + ") in " + p.year())
                .collect(Collectors.joining(", "));
    }

    private static String years(int from, int to) {
        return from == to ? String.valueOf(from) : from + "–" + to;
    }
}
