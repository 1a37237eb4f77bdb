package dvk.app;

import dvk.engine.RuleBuildMode;
import dvk.engine.RuleLibrary;
import dvk.report.Cards;
import dvk.report.Words;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A batch to evaluate with the rule set of its year from {@code rules}: {@code threads} 0 means
 * every core. {@code words} is the language of what a person reads in the output (the HTML report,
 * rejected records' problems, warnings), {@code cards} the nominations the HTML report gives a full card.
 */
public record EvaluationRequest(Path input, RuleLibrary rules, DecisionFormat format, int threads,
                                Duration ruleTimeout, RuleBuildMode buildMode, Words words, Cards cards) {

    /** Words in Vietnamese, a report without cards. */
    public EvaluationRequest(Path input, RuleLibrary rules, DecisionFormat format, int threads, Duration ruleTimeout,
                             RuleBuildMode buildMode) {
        this(input, rules, format, threads, ruleTimeout, buildMode, Words.vietnamese(), Cards.NONE);
    }

    /** A report without cards. */
    public EvaluationRequest(Path input, RuleLibrary rules, DecisionFormat format, int threads, Duration ruleTimeout,
                             RuleBuildMode buildMode, Words words) {
        this(input, rules, format, threads, ruleTimeout, buildMode, words, Cards.NONE);
    }
}
