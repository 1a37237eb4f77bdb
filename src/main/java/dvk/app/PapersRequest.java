package dvk.app;

import dvk.engine.RuleLibrary;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The meeting papers of a batch, evaluated with the rule set of its year from {@code rules}, in
 * {@code language} ({@code vi}, the default, or {@code en}), written into {@code directory}.
 */
public record PapersRequest(Path input, RuleLibrary rules, String language, Path directory, Duration ruleTimeout) {}
