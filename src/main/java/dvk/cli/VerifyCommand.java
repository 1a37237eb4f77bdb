package dvk.cli;

import dvk.app.Outcome;
import dvk.app.Verification;
import dvk.engine.RulesException;
import dvk.regression.FixtureSuite;
import dvk.regression.Mismatch;
import dvk.regression.MismatchTable;
import dvk.report.Words;
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

    @CommandLine.Mixin
    LanguageOption language;

    @Parameters(paramLabel = "FIXTURE_DIR", arity = "0..*",
            description = "Fixture directories or files. Default: fixtures/regression/.")
    List<Path> locations = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Words messages = language.messages();
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
            return Outcomes.failed(outcome, err, messages.text("cli.noFixtureRun"), null, language.words(), messages);
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
        if (report.failing() > 0) {
            err.println("dvk: " + messages.text("cli.verify.failing", Outcomes.count(messages, report.failing()),
                    Outcomes.count(messages, fixtures), Outcomes.count(messages, mismatches.size())));
            return ExitCodes.FINDINGS;
        }
        err.println("dvk: " + messages.text("cli.verify.hold", Outcomes.count(messages, fixtures)));
        return ExitCodes.OK;
    }
}
