package dvk.cli;

import dvk.app.Outcome;
import dvk.app.Verification;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.io.AtomicFile;
import dvk.regression.FixtureSuite;
import dvk.regression.Mismatch;
import dvk.regression.MismatchTable;
import dvk.report.CoverageWriter;
import dvk.report.Words;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

    /** Output formats of {@code --coverage}. */
    enum Format { text, json, html }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @CommandLine.Mixin
    RulesOption rules;

    @CommandLine.Mixin
    LanguageOption language;

    @Parameters(paramLabel = "FIXTURE_DIR", arity = "0..*",
            description = "Fixture directories or files. Default: fixtures/regression/ beside the rules/ directory used"
                    + " (fixtures/regression/ here when --rules is given).")
    List<Path> locations = new ArrayList<>();

    @Option(names = "--update",
            description = "After printing the mismatch table, rewrite in each failing fixture the expectations the rules now"
                    + " decide otherwise (titles awarded, failed criteria, scores) to what they decide, keeping the"
                    + " description, the batch and the order; a clean run changes nothing. Mismatches the rules do not"
                    + " settle (a record rejected, missing from the batch or from the expectations) are left, and exit 1.")
    boolean update;

    @Option(names = "--coverage",
            description = "Instead of the mismatch table, list what the fixtures test: every criterion rule with the"
                    + " fixture nominations it passed and failed, every award rule with how often it awarded, and every"
                    + " threshold with a nomination exactly on it and one a unit short.")
    boolean coverage;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "With --coverage: ${COMPLETION-CANDIDATES}. Default: text. html is one self-contained page.")
    Format format;

    @CommandLine.Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Words messages = language.messages();
        if (update && coverage) {
            err.println("dvk: --update and --coverage do not go together: update the fixtures, then list their coverage");
            return ExitCodes.USAGE;
        }
        if (!coverage && (format != null || output.toFile())) {
            err.println("dvk: --format and --out go with --coverage");
            return ExitCodes.USAGE;
        }
        List<Path> fixtures = locations.isEmpty() ? List.of(defaultFixtures(rules)) : locations;
        if (coverage) return coverage(fixtures, err);
        Outcome<?> outcome;
        try {
            outcome = update ? new Verification().update(fixtures, rules.library(), ruleTimeout.timeout())
                    : new Verification().run(fixtures, rules.library(), ruleTimeout.timeout());
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (!(outcome instanceof Outcome.Done<?> done)) return failed(outcome, err);
        Verification.Report report = done.value() instanceof Verification.Update updated ? updated.before()
                : (Verification.Report) done.value();
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
        int count = report.results().size();
        String used = used(messages, report.rulesUsed());
        if (done.value() instanceof Verification.Update updated) return updated(updated, count, used, err);
        if (report.failing() > 0) {
            err.println("dvk: " + messages.text("cli.verify.failing", Outcomes.count(messages, report.failing()),
                    Outcomes.count(messages, count), Outcomes.count(messages, mismatches.size())) + used);
            return ExitCodes.FINDINGS;
        }
        err.println("dvk: " + messages.text("cli.verify.hold", Outcomes.count(messages, count)) + used);
        return ExitCodes.OK;
    }

    private static int updated(Verification.Update update, int count, String used, PrintWriter err) {
        if (update.rewritten().isEmpty() && update.holds()) {
            err.println("dvk: all " + count + " fixtures hold; nothing to update" + used);
            return ExitCodes.OK;
        }
        for (Verification.Rewritten file : update.rewritten()) {
            err.println("dvk: rewrote " + file.file() + ": " + String.join(", ", file.nominations()));
        }
        String written = "dvk: updated " + update.rewritten().size() + " of " + count + " fixtures to what the rules decide ("
                + update.settled() + " mismatches)";
        if (update.holds()) {
            err.println(written + "; all " + count + " fixtures hold now" + used);
            return ExitCodes.OK;
        }
        err.println(written + "; " + update.left().size() + " mismatches left to fix by hand (a record rejected, or missing"
                + " from the batch or from the expectations)" + (update.after().failing() > 0 ? "; "
                + update.after().failing() + " rewritten fixtures still do not hold" : "") + used);
        return ExitCodes.FINDINGS;
    }

    private int coverage(List<Path> fixtures, PrintWriter err) {
        if (output.refused(err, fixtures.toArray(Path[]::new))) return ExitCodes.USAGE;
        if (output.refused(err, rules.directory())) return ExitCodes.USAGE;
        Outcome<Verification.Covered> outcome;
        try {
            outcome = new Verification().coverage(fixtures, rules.library(), ruleTimeout.timeout());
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (!(outcome instanceof Outcome.Done<Verification.Covered> done)) return failed(outcome, err);
        Verification.Covered covered = done.value();
        AtomicFile.Content content = stream -> {
            switch (format == null ? Format.text : format) {
                case text -> CoverageWriter.text(covered.coverage(), language.messages(), stream);
                case json -> CoverageWriter.json(covered.coverage(), stream);
                case html -> CoverageWriter.html(covered.coverage(), language.words(), stream);
            }
        };
        try {
            output.write(spec, content);
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        }
        Verification.Report report = covered.report();
        err.println("dvk: coverage of " + covered.coverage().ruleSets().size() + " rule sets by " + report.results().size()
                + " fixtures → " + output.target() + (report.failing() > 0 ? "; " + report.failing() + " fixtures do not"
                + " hold (dvk verify lists the mismatches)" : "") + used(language.messages(), report.rulesUsed()));
        return report.failing() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /**
     * Where fixtures are when none are named: fixtures/regression beside the rules/ directory found,
     * so that a run from a subdirectory finds both; fixtures/regression here with --rules or the
     * bundled rules.
     */
    static Path defaultFixtures(RulesOption rules) {
        Path found = rules.rules == null ? rules.directory() : null;
        return found != null ? found.resolveSibling(DEFAULT_FIXTURES) : DEFAULT_FIXTURES;
    }

    private static String used(Words messages, List<RuleSet> used) {
        return messages.text("cli.rulesUsed", used.stream().map(r -> RulesOption.used(r.source(), r.fingerprint()))
                .collect(Collectors.joining(", ")));
    }

    private static int failed(Outcome<?> outcome, PrintWriter err) {
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
}
