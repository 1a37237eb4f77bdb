package dvk.app;

import dvk.engine.RuleSet;

/** An evaluation written out: its counts and the rule set that decided it. */
public record EvaluationResult(Tally<?> tally, RuleSet rules) {}
