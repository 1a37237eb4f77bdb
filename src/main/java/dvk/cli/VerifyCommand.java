package dvk.cli;

import dvk.app.Outcome;
import dvk.app.Verification;
import dvk.engine.RulesException;
import dvk.regression.FixtureSuite;
import dvk.regression.Mismatch;
import dvk.regression.MismatchTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the regression fixtures: each fixture's batch is evaluated with the rule set of its year and"
                    + " compared with the titles, failed criteria and scores it expects. Each mismatch is printed"
                    + " with fixture, nomination, title, expected, got and the failed criteria."
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
        Outcome<Verification.Report> outcome;
        try {
            outcome = new Verification().run(locations.isEmpty() ? List.of(DEFAULT_FIXTURES) : locations,
                    rules.library(), ruleTimeout.timeout());
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (!(outcome instanceof Outcome.Done<Verification.Report> done)) {
            if (outcome instanceof Outcome.InputUnreadable<?> unreadable) {
                err.println("dvk: " + unreadable.message());
                return ExitCodes.USAGE;
            }
            if (outcome instanceof Outcome.RuleFailed<?> failed) {
                err.println("dvk: " + failed.message());
                return ExitCodes.RULES;
            }
            return Outcomes.failed(outcome, err, "no fixture was run", null);
        }
        Verification.Report report = done.value();
        for (FixtureSuite.Result result : report.results()) {
            out.println((result.holds() ? "holds  " : "FAILS  ") + result.fixture().name() + "  ("
                    + result.fixture().expected().size() + " nominations, " + result.fixture().batch().year()
                    + (result.holds() ? ")" : ", " + result.mismatches().size() + " mismatches)"));
        }
        List<Mismatch> mismatches = report.mismatches();
        if (!mismatches.isEmpty()) {
            out.println();
            out.print(MismatchTable.format(mismatches));
        }
        if (StandardOutput.lost(out, err)) return ExitCodes.USAGE;
        int fixtures = report.results().size();
        String used = " (rules " + report.rulesUsed().stream().map(r -> RulesOption.used(r.source(), r.fingerprint()))
                .collect(Collectors.joining(", ")) + ")";
        if (report.failing() > 0) {
            err.println("dvk: " + report.failing() + " of " + fixtures + " fixtures do not hold (" + mismatches.size()
                    + " mismatches)" + used);
            return ExitCodes.FINDINGS;
        }
        err.println("dvk: all " + fixtures + " fixtures hold" + used);
        return ExitCodes.OK;
    }
}
