package dvk.app;

import dvk.engine.RuleFailure;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.engine.YearlyRules;
import dvk.regression.FixtureException;
import dvk.regression.FixtureSuite;
import dvk.regression.Mismatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Running the regression fixtures, the use case under {@code dvk verify}: each fixture's batch is
 * evaluated with the rule set of its year and compared with what it expects.
 */
public final class Verification {

    /** Every fixture's result, in the order they were found. */
    public record Report(List<FixtureSuite.Result> results) {
        public List<Mismatch> mismatches() {
            List<Mismatch> all = new ArrayList<>();
            results.forEach(r -> all.addAll(r.mismatches()));
            return all;
        }

        public long failing() {
            return results.stream().filter(r -> !r.holds()).count();
        }

        /** The rule sets the fixtures were evaluated with, each once, in the order first used. */
        public List<RuleSet> rulesUsed() {
            List<RuleSet> used = new ArrayList<>();
            for (FixtureSuite.Result result : results) {
                RuleSet rules = result.evaluation().rules();
                if (used.stream().noneMatch(r -> r == rules)) used.add(rules);
            }
            return used;
        }
    }

    /** @param locations fixture directories (their {@code *.json}) or files */
    public Outcome<Report> run(List<Path> locations, RuleLibrary rules, Duration ruleTimeout) {
        try {
            List<Path> files = FixtureSuite.find(locations);
            FixtureSuite suite = new FixtureSuite(new YearlyRules(rules), ruleTimeout);
            List<FixtureSuite.Result> results = new ArrayList<>();
            for (Path file : files) results.add(suite.run(file));
            return Outcome.done(new Report(results));
        } catch (FixtureException e) {
            return new Outcome.InputUnreadable<>("fixtures", e.getMessage());
        } catch (RulesException e) {
            return new Outcome.RulesUnusable<>(e.problems());
        } catch (YearNotCoveredException | RuleFailure e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        }
    }
}
