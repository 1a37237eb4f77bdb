package dvk.app;

import dvk.engine.RuleFailure;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RuleSources;
import dvk.engine.RuleThresholds;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.engine.YearlyRules;
import dvk.io.AtomicFile;
import dvk.regression.Coverage;
import dvk.regression.FixtureException;
import dvk.regression.FixtureSuite;
import dvk.regression.FixtureUpdate;
import dvk.regression.Mismatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Running the regression fixtures, the use case under {@code dvk verify}: each fixture's batch is
 * evaluated with the rule set of its year and compared with what it expects. The fixtures can be
 * brought up to date with the rules ({@link #update}), and say what they test ({@link #coverage}).
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

    /**
     * What {@link #update} did: the run that found the mismatches, the fixture files rewritten, the
     * mismatches left for a person (the rules do not settle them), and the rewritten fixtures run again.
     */
    public record Update(Report before, List<Rewritten> rewritten, List<Mismatch> left, Report after) {
        public Update {
            rewritten = List.copyOf(rewritten);
            left = List.copyOf(left);
        }

        /** Whether every fixture holds now. */
        public boolean holds() {
            return left.isEmpty() && after.failing() == 0;
        }

        /** The mismatches the rewritten expectations settled. */
        public long settled() {
            return before.mismatches().size() - left.size();
        }
    }

    /** A fixture file rewritten, and the nominations whose expectations changed. */
    public record Rewritten(Path file, List<String> nominations) {
        public Rewritten {
            nominations = List.copyOf(nominations);
        }
    }

    /** The fixtures' run and what they test. */
    public record Covered(Report report, Coverage coverage) {}

    /** @param locations fixture directories (their {@code *.json}) or files */
    public Outcome<Report> run(List<Path> locations, RuleLibrary rules, Duration ruleTimeout) {
        try {
            return Outcome.done(run(FixtureSuite.find(locations), new FixtureSuite(new YearlyRules(rules), ruleTimeout)));
        } catch (FixtureException e) {
            return new Outcome.InputUnreadable<>("fixtures", e.getMessage());
        } catch (RulesException e) {
            return new Outcome.RulesUnusable<>(e.problems());
        } catch (YearNotCoveredException | RuleFailure e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        }
    }

    /**
     * Runs the fixtures and rewrites, in each that fails, the expectations the rules now decide
     * otherwise to what they decide ({@link FixtureUpdate}), each file written atomically; a clean
     * run writes nothing. The rewritten fixtures are run again.
     */
    public Outcome<Update> update(List<Path> locations, RuleLibrary rules, Duration ruleTimeout) {
        try {
            FixtureSuite suite = new FixtureSuite(new YearlyRules(rules), ruleTimeout);
            Report before = run(FixtureSuite.find(locations), suite);
            List<Rewritten> rewritten = new ArrayList<>();
            List<Mismatch> left = new ArrayList<>();
            for (FixtureSuite.Result result : before.results()) {
                if (result.holds()) continue;
                Path file = result.fixture().file();
                String text = Files.readString(file, StandardCharsets.UTF_8);
                FixtureUpdate.Rewrite rewrite = FixtureUpdate.of(result.fixture(), text, result.evaluation(), result.mismatches());
                left.addAll(rewrite.left());
                if (!rewrite.changed()) continue;
                byte[] bytes = rewrite.text().getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(file, out -> out.write(bytes));
                rewritten.add(new Rewritten(file, rewrite.rewritten()));
            }
            Report after = run(rewritten.stream().map(Rewritten::file).toList(), suite);
            return Outcome.done(new Update(before, rewritten, left, after));
        } catch (FixtureException e) {
            return new Outcome.InputUnreadable<>("fixtures", e.getMessage());
        } catch (RulesException e) {
            return new Outcome.RulesUnusable<>(e.problems());
        } catch (YearNotCoveredException | RuleFailure e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        } catch (IOException e) {
            return new Outcome.OutputFailed<>(e);
        }
    }

    /**
     * Runs the fixtures and counts what they test in every rule set of the library, those no fixture
     * is evaluated with included.
     */
    public Outcome<Covered> coverage(List<Path> locations, RuleLibrary library, Duration ruleTimeout) {
        try {
            YearlyRules rules = new YearlyRules(library);
            Report report = run(FixtureSuite.find(locations), new FixtureSuite(rules, ruleTimeout));
            List<Coverage.Input> inputs = new ArrayList<>();
            for (RuleLibrary.Entry entry : library.ruleSets()) {
                RuleSet set = rules.of(entry);
                List<FixtureSuite.Result> results = report.results().stream().filter(r -> r.evaluation().rules() == set).toList();
                inputs.add(new Coverage.Input(set, results,
                        RuleThresholds.of(set, RuleSources.read(entry.directory(), entry.label()))));
            }
            return Outcome.done(new Covered(report, Coverage.of(inputs)));
        } catch (FixtureException e) {
            return new Outcome.InputUnreadable<>("fixtures", e.getMessage());
        } catch (RulesException e) {
            return new Outcome.RulesUnusable<>(e.problems());
        } catch (YearNotCoveredException | RuleFailure e) {
            return new Outcome.RuleFailed<>(e.getMessage());
        }
    }

    /**
     * The criterion rules of a rule set that the fixtures never see passing, or never see failing:
     * warnings for {@code dvk check --fixtures}, named at the rule.
     */
    public static List<RuleProblem> gaps(Coverage.RuleSetCoverage set, String fixtures) {
        List<RuleProblem> gaps = new ArrayList<>();
        for (Coverage.CriterionCount c : set.criteria()) {
            if (!c.passingMissing() && !c.failingMissing()) continue;
            String never = c.passingMissing() && c.failingMissing() ? "never checked"
                    : c.failingMissing() ? "never seen failing" : "never seen passing";
            String add = c.passingMissing() && c.failingMissing() ? "one nomination that passes it and one that fails it"
                    : c.failingMissing() ? "a nomination that fails it" : "a nomination that passes it";
            gaps.add(new RuleProblem(c.file(), c.line(), null, "criterion " + c.criterion() + " of "
                    + (c.title().equals("*") ? "every title" : c.title()) + " (" + c.ruleId() + ") is " + never
                    + " in the fixtures of " + fixtures + " (" + c.passed() + " passed, " + c.failed() + " failed): add "
                    + add + (c.passingMissing() && c.failingMissing() ? ""
                            : ", or say in the rule why no decided nomination can, with @coverage(\""
                                    + (c.failingMissing() ? "passes" : "fails") + " only: …\")")).under(set.source()));
        }
        return gaps;
    }

    private static Report run(List<Path> files, FixtureSuite suite) throws FixtureException, RulesException {
        List<FixtureSuite.Result> results = new ArrayList<>();
        for (Path file : files) results.add(suite.run(file));
        return new Report(results);
    }
}
