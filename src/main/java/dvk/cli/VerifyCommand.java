package dvk.cli;

import dvk.engine.RuleFailure;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.engine.YearlyRules;
import dvk.regression.FixtureException;
import dvk.regression.FixtureSuite;
import dvk.regression.MismatchTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the regression fixtures: each fixture's batch is evaluated with the rule set of its year and"
                    + " compared with the titles, failed criteria and scores it expects. Each mismatch is printed"
                    + " with fixture, nomination, title, expected, got and the failed criteria.",
            "",
            "Exit codes: 0 every fixture holds; 1 a mismatch; 2 a fixture cannot be read, or the output cannot be written;"
                    + " 4 the rules cannot be used."
        })
public final class VerifyCommand implements Callable<Integer> {
    static final Path DEFAULT_FIXTURES = Path.of("fixtures/regression");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @CommandLine.Mixin
    RulesOption rules;

    @Parameters(paramLabel = "FIXTURE_DIR", arity = "0..*",
            description = "Fixture directories or files. Default: fixtures/regression/.")
    List<Path> locations = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Path> files = FixtureSuite.find(locations.isEmpty() ? List.of(DEFAULT_FIXTURES) : locations);
            FixtureSuite suite = new FixtureSuite(new YearlyRules(rules.library()), ruleTimeout.timeout());
            List<dvk.regression.Mismatch> mismatches = new ArrayList<>();
            int failing = 0;
            for (Path file : files) {
                FixtureSuite.Result result = suite.run(file);
                out.println((result.holds() ? "holds  " : "FAILS  ") + result.fixture().name() + "  ("
                        + result.fixture().expected().size() + " nominations, " + result.fixture().batch().year()
                        + (result.holds() ? ")" : ", " + result.mismatches().size() + " mismatches)"));
                mismatches.addAll(result.mismatches());
                if (!result.holds()) failing++;
            }
            if (!mismatches.isEmpty()) {
                out.println();
                out.print(MismatchTable.format(mismatches));
            }
            if (StandardOutput.lost(out, err)) return ExitCodes.USAGE;
            if (failing > 0) {
                err.println("dvk: " + failing + " of " + files.size() + " fixtures do not hold (" + mismatches.size()
                        + " mismatches)");
                return ExitCodes.FINDINGS;
            }
            err.println("dvk: all " + files.size() + " fixtures hold");
            return ExitCodes.OK;
        } catch (FixtureException e) {
            err.println("dvk: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RulesException e) {
            RulesOption.print(err, "the rules cannot be used; no fixture was run", e);
            return ExitCodes.RULES;
        } catch (YearNotCoveredException | RuleFailure e) {
            err.println("dvk: " + e.getMessage());
            return ExitCodes.RULES;
        }
    }
}
