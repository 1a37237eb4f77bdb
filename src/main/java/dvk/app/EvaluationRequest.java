package dvk.app;

import dvk.engine.RuleBuildMode;
import dvk.engine.RuleLibrary;
import dvk.report.Words;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A batch to evaluate with the rule set of its year from {@code rules}: {@code threads} 0 means
 * every core; {@code words} the language of the messages a person reads in the output (rejected
 * records' problems, warnings).
 */
public record EvaluationRequest(Path input, RuleLibrary rules, DecisionFormat format, int threads,
                                Duration ruleTimeout, RuleBuildMode buildMode, Words words) {
    /** Messages in Vietnamese. */
    public EvaluationRequest(Path input, RuleLibrary rules, DecisionFormat format, int threads, Duration ruleTimeout,
                             RuleBuildMode buildMode) {
        this(input, rules, format, threads, ruleTimeout, buildMode, Words.vietnamese());
    }
}
