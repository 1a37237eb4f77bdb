package dvk.cli;

import dvk.domain.Batch;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleFailure;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.AtomicFile;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.GitRevision;
import dvk.io.TemporaryFiles;
import dvk.regression.Impact;
import dvk.regression.ImpactAnalysis;
import dvk.report.ImpactHtmlWriter;
import dvk.report.ImpactJsonWriter;
import dvk.report.ImpactTextWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
                    + " gains and loses and each criterion outcome that changed.",
            "",
            "Exit codes: 0 impact reported; 2 usage, unreadable input, an --out refused or output that cannot be written;"
                    + " 4 either rule set cannot be used."
        })
public final class DiffCommand implements Callable<Integer> {
    static final String GIT_PREFIX = "git:";

    enum Format { text, json, html }

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

    @Option(names = "--what-if",
            description = "Allow a rule set whose years do not include the batch's year (e.g. next year's rules on"
                    + " this year's batch); the report marks that side as a what-if.")
    boolean whatIf;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path baseDirectory = base.startsWith(GIT_PREFIX) ? null : Path.of(base);
        if (output.refused(err, input, rules.directory(), baseDirectory)) return ExitCodes.USAGE;
        Batch batch;
        try {
            batch = BatchReader.read(input);
        } catch (BatchException e) {
            err.println("dvk: " + input + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Impact impact;
        Path gitCopy = null;
        try {
            RuleLibrary changedLibrary = rules.library();
            RuleLibrary baseLibrary;
            if (base.startsWith(GIT_PREFIX)) {
                String revision = base.substring(GIT_PREFIX.length());
                Path directory = rules.rules != null ? rules.rules : RulesOption.WORKING_RULES;
                gitCopy = TemporaryFiles.createDirectory("base");
                Path exported = GitRevision.export(revision, directory, gitCopy);
                baseLibrary = RuleLibrary.open(exported, base + ":" + RuleLibrary.open(directory).label());
            } else {
                baseLibrary = RuleLibrary.open(baseDirectory);
            }
            RuleCompiler compiler = new RuleCompiler();
            RuleSet baseRules = compiler.compile(select(baseLibrary, batch.year()));
            RuleSet changedRules = compiler.compile(select(changedLibrary, batch.year()));
            Evaluation before = evaluator(baseRules).evaluate(batch);
            Evaluation after = evaluator(changedRules).evaluate(batch);
            impact = ImpactAnalysis.compare(input.toString().replace('\\', '/'), before, after);
        } catch (GitRevision.GitException e) {
            err.println("dvk: --base " + base + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RulesException e) {
            RulesOption.print(err, "the rules cannot be used; nothing was compared", e);
            return ExitCodes.RULES;
        } catch (RuleFailure | YearNotCoveredException e) {
            err.println("dvk: " + e.getMessage());
            return ExitCodes.RULES;
        } catch (IOException e) {
            err.println("dvk: " + e.getMessage());
            return ExitCodes.USAGE;
        } finally {
            deleteQuietly(gitCopy);
        }
        try {
            write(impact);
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    /** The rule set for the batch's year; in a what-if, a library of one rule set gives that set whatever the year. */
    private RuleLibrary.Entry select(RuleLibrary library, int year) throws RulesException {
        if (whatIf && library.ruleSets().size() == 1) return library.ruleSets().get(0);
        try {
            return library.forYear(year);
        } catch (RulesException e) {
            if (whatIf || library.ruleSets().size() != 1) throw e;
            throw new RulesException(e.problems().stream().map(p -> new dvk.engine.RuleProblem(p.file(), p.line(),
                    p.rule(), p.message() + " (--what-if compares it anyway)")).toList());
        }
    }

    private Evaluator evaluator(RuleSet rules) {
        Evaluator evaluator = new Evaluator(rules).withRuleTimeout(ruleTimeout.timeout());
        return whatIf ? evaluator.whatIf() : evaluator;
    }

    private void write(Impact impact) throws IOException {
        AtomicFile.Content content = stream -> {
            switch (format) {
                case text -> ImpactTextWriter.write(impact, new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
                case json -> ImpactJsonWriter.write(impact, stream);
                case html -> ImpactHtmlWriter.write(impact, stream);
            }
        };
        output.write(spec, content);
        if (output.toFile()) {
            spec.commandLine().getErr().println("dvk: impact written to " + output.target());
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) return;
        try {
            TemporaryFiles.delete(directory);
        } catch (IOException ignored) {
            // what is left is deleted when dvk exits, or swept by a later run
        }
    }
}
