package dvk.app;

import dvk.engine.RuleBuildMode;
import dvk.engine.RuleLibrary;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A batch to evaluate with the rule set of its year from {@code rules}: {@code threads} 0 means
 * every core.
 */
public record EvaluationRequest(Path input, RuleLibrary rules, DecisionFormat format, int threads,
                                Duration ruleTimeout, RuleBuildMode buildMode) {}
