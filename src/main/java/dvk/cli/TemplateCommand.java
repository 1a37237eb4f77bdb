package dvk.cli;

import dvk.app.Outcome;
import dvk.app.Templates;
import dvk.engine.RulesException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "template",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the workbook committees fill with a year's nominations: Vietnamese column headers with the"
                    + " English field names under them, a sheet of instructions, drop-down lists for type, kind, field,"
                    + " yes/no and the titles of the rule set in force, dates as dd/mm/yyyy, one worked example."
                    + " A filled template evaluates as it is: dvk evaluate FILE.xlsx."
        })
public final class TemplateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "The review year: the template's year column, example and the titles of its rule set. Default: this year.")
    Integer year;

    @CommandLine.Mixin
    RulesOption rules;

    @CommandLine.Mixin
    OutputOption output;

    @CommandLine.Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!output.toFile()) {
            err.println("dvk: the template is a workbook: give --out FILE.xlsx");
            return ExitCodes.USAGE;
        }
        if (output.refused(err, rules.directory())) return ExitCodes.USAGE;
        int forYear = year != null ? year : LocalDate.now().getYear();
        Outcome<Templates.Written> outcome;
        try {
            outcome = new Templates().write(forYear, rules.library(), language.words(), content -> output.write(spec, content));
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (outcome instanceof Outcome.Done<Templates.Written> done) {
            err.println("dvk: " + language.words().text("input.template.written", Integer.toString(done.value().year()),
                    done.value().ruleSet(), output.target()));
            return ExitCodes.OK;
        }
        if (outcome instanceof Outcome.RulesUnusable<?> unusable) {
            RulesOption.print(err, "the rules cannot be used; nothing was written", unusable.problems());
            return ExitCodes.RULES;
        }
        return Outcomes.failed(outcome, err, "nothing was written", output, language.words());
    }
}
