package dvk.cli;

import dvk.app.Diffs;
import dvk.app.Outcome;
import dvk.engine.RulesException;
import dvk.regression.Impact;
import dvk.report.Words;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates one batch with the base rules and with the changed rules (--rules) and reports the impact:"
                    + " per title how many nominations gain and lose it; per nomination that changes, the titles it"
                    + " gains and loses and each criterion outcome that changed."
        })
public final class DiffCommand implements Callable<Integer> {
    static final String GIT_PREFIX = "git:";

    enum Format {
        text(Diffs.Format.TEXT), json(Diffs.Format.JSON), html(Diffs.Format.HTML);

        final Diffs.Format impact;

        Format(Diffs.Format impact) {
            this.impact = impact;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The batch: a .json, .csv or .xlsx file.")
    Path input;

    @Option(names = "--base", paramLabel = "OLD_RULES", required = true,
            description = {"The rules before the change: a rules directory (or one rule set), or git:REV for the"
                    + " changed rules' directory as it was at git revision REV (git:HEAD = the last commit)."})
    String base;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. html is one self-contained page.")
    Format format;

    @CommandLine.Mixin
    OutputOption output;

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--what-if",
            description = "Allow a rule set whose years do not include the batch's year (e.g. next year's rules on"
                    + " this year's batch); the report marks that side as a what-if.")
    boolean whatIf;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path baseDirectory = base.startsWith(GIT_PREFIX) ? null : Path.of(base);
        if (output.refused(err, input, rules.directory(), baseDirectory)) return ExitCodes.USAGE;
        Outcome<Impact> outcome;
        try {
            Diffs.Base old = baseDirectory != null ? new Diffs.Base.Directory(baseDirectory)
                    : new Diffs.Base.GitRevisionOf(base.substring(GIT_PREFIX.length()),
                            rules.directory() != null ? rules.directory() : RulesOption.WORKING_RULES, base);
            outcome = new Diffs().compare(new Diffs.Request(input, old, rules.library(), whatIf, ruleTimeout.timeout()));
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        Words messages = language.messages();
        if (!(outcome instanceof Outcome.Done<Impact> done)) {
            if (outcome instanceof Outcome.RuleFailed<Impact> failed) {
                err.println("dvk: " + failed.message());
                return ExitCodes.RULES;
            }
            return Outcomes.failed(outcome, err, messages.text("cli.nothingCompared"), output, language.words(), messages);
        }
        try {
            Diffs.write(done.value(), format.impact, language.words(), content -> output.write(spec, content));
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        }
        Impact impact = done.value();
        int changes = impact.titleChanges().size();
        err.println("dvk: " + messages.text("cli.diff.impact",
                RulesOption.used(impact.changed().source(), impact.changed().fingerprint()),
                RulesOption.used(impact.base().source(), impact.base().fingerprint()),
                changes == 1 ? messages.text("cli.diff.changes.one") : messages.text("cli.diff.changes", changes),
                output.target(messages)));
        return ExitCodes.OK;
    }
}
