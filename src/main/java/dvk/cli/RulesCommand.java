package dvk.cli;

import dvk.app.Outcome;
import dvk.app.RuleSetDescriptions;
import dvk.engine.RuleCatalog;
import dvk.engine.RulesException;
import dvk.io.AtomicFile;
import dvk.report.CatalogJsonWriter;
import dvk.report.CatalogMarkdownWriter;
import dvk.report.Words;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the policy the rules implement, for reading without DRL: for every rule set its titles, and"
                    + " for every rule its id, the title it serves, the criterion, the requirement (read from the"
                    + " rule's text), the citation and file:line."
        })
public final class RulesCommand implements Callable<Integer> {
    /** Output formats of {@code --format}. */
    enum Format { md, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Mixin
    OutputOption output;

    @CommandLine.Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Words messages = language.messages();
        if (output.refused(err, rules.directory())) return ExitCodes.USAGE;
        Outcome<List<RuleCatalog>> outcome;
        try {
            outcome = new RuleSetDescriptions().catalogs(rules.library());
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (!(outcome instanceof Outcome.Done<List<RuleCatalog>> done)) {
            if (outcome instanceof Outcome.RulesUnusable<?> unusable) {
                RulesOption.print(err, messages.text("cli.rulesUnusableAlone"), unusable.problems());
                return ExitCodes.RULES;
            }
            return Outcomes.failed(outcome, err, messages.text("cli.nothingWritten"), output, language.words(), messages);
        }
        List<RuleCatalog> catalogs = done.value();
        AtomicFile.Content content = stream -> {
            switch (format) {
                case md -> CatalogMarkdownWriter.write(catalogs, stream);
                case json -> CatalogJsonWriter.write(catalogs, stream);
            }
        };
        try {
            output.write(spec, content);
            err.println("dvk: " + messages.text("cli.rules.written",
                    Outcomes.count(messages, catalogs.stream().mapToInt(c -> c.rules().size()).sum()),
                    Outcomes.count(messages, catalogs.size()), output.target(messages))
                    + messages.text("cli.rulesUsed", catalogs.stream().map(c -> RulesOption.used(c.source(), c.fingerprint()))
                            .collect(Collectors.joining(", "))));
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
