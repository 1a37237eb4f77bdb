package dvk.cli;

import dvk.engine.RuleCatalog;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RulesException;
import dvk.io.AtomicFile;
import dvk.report.CatalogJsonWriter;
import dvk.report.CatalogMarkdownWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the policy the rules implement, for reading without DRL: for every rule set its titles, and"
                    + " for every rule its id, the title it serves, the criterion, the requirement (read from the"
                    + " rule's text), the citation and file:line.",
            "",
            "Exit codes: 0 written; 2 usage or the output cannot be written; 4 the rules do not compile"
                    + " (nothing is written)."
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

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (output.refused(err, rules.directory())) return ExitCodes.USAGE;
        List<RuleCatalog> catalogs;
        try {
            catalogs = catalogs(rules.library());
        } catch (RulesException e) {
            RulesOption.print(err, "the rules cannot be used", e);
            return ExitCodes.RULES;
        }
        AtomicFile.Content content = stream -> {
            switch (format) {
                case md -> CatalogMarkdownWriter.write(catalogs, stream);
                case json -> CatalogJsonWriter.write(catalogs, stream);
            }
        };
        try {
            output.write(spec, content);
            if (output.toFile()) {
                err.println("dvk: catalog of " + catalogs.stream().mapToInt(c -> c.rules().size()).sum()
                        + " rules in " + catalogs.size() + " rule sets → " + output.target());
            }
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    /** Every rule set's catalog; the problems of all rule sets together when any does not compile. */
    private static List<RuleCatalog> catalogs(RuleLibrary library) throws RulesException {
        RuleCompiler compiler = new RuleCompiler();
        List<RuleCatalog> catalogs = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleLibrary.Entry entry : library.ruleSets()) {
            try {
                catalogs.add(RuleCatalog.read(entry, compiler.compile(entry)));
            } catch (RulesException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new RulesException(problems);
        return catalogs;
    }
}
