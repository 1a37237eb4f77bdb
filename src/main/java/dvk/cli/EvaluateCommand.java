package dvk.cli;

import dvk.domain.Batch;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.engine.RuleBuildMode;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleFailure;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.AtomicFile;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.report.DecisionCsvWriter;
import dvk.report.DecisionXlsxWriter;
import dvk.report.DecisionHtmlWriter;
import dvk.io.DecisionJsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates a batch of nominations (JSON, CSV or XLSX by the file's extension) and writes every"
                    + " decision with its reasons.",
            "",
            "Exit codes: 0 all records decided; 3 decided, but some records rejected (listed in the output);"
                    + " 2 usage or unreadable input; 4 the rules do not compile, do not apply to the batch's year,"
                    + " or fail (nothing is written)."
        })
public final class EvaluateCommand implements Callable<Integer> {
    /** Output formats of {@code --format}. */
    enum Format { json, csv, xlsx, html }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The batch: a .json, .csv or .xlsx file (first sheet).")
    Path input;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "Output format: ${COMPLETION-CANDIDATES} (html: one self-contained page with a summary,"
                    + " a chart, a filterable list and every decision's reasons, printable; xlsx: sheets Decisions,"
                    + " Summary and Rejected, needs --out). Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Mixin
    OutputOption output;

    @Option(names = "--threads", paramLabel = "N", description = "Districts evaluated at once. Default: all cores.")
    Integer threads;

    @Option(names = "--build-mode", paramLabel = "MODE", defaultValue = "CLASSIC", hidden = true,
            description = "How rules are compiled: ${COMPLETION-CANDIDATES}.")
    RuleBuildMode buildMode;

    @Option(names = "--timings", description = "Print how long each phase took (build rules, read, evaluate, write) on stderr.")
    boolean timings;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.xlsx && !output.toFile()) {
            // a workbook is binary: on a terminal it is noise, and nothing is lost by naming a file
            err.println("dvk: --format xlsx writes a workbook: give --out FILE.xlsx");
            return ExitCodes.USAGE;
        }
        PhaseClock clock = new PhaseClock();
        Batch batch;
        try {
            batch = BatchReader.read(input);
        } catch (BatchException e) {
            err.println("dvk: " + input + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        clock.lap("read " + batch.records() + " records");
        RuleSet ruleSet;
        try {
            ruleSet = new RuleCompiler(buildMode).compile(rules.library().forYear(batch.year()));
        } catch (RulesException e) {
            RulesOption.print(err, "the rules cannot be used; nothing was evaluated", e);
            return ExitCodes.RULES;
        }
        clock.lap("build rules (" + buildMode + ", " + ruleSet.ruleCount() + " rules of " + ruleSet.source() + ")");
        Evaluation evaluation;
        try (ProgressDisplay display = ProgressDisplay.forRecords(batch.records())) {
            evaluation = (threads == null ? new Evaluator(ruleSet) : new Evaluator(ruleSet, threads))
                    .evaluate(batch, display.progress());
        } catch (RuleFailure | YearNotCoveredException e) {
            err.println("dvk: " + e.getMessage());
            return ExitCodes.RULES;
        }
        clock.lap("evaluate");
        try {
            write(evaluation);
        } catch (IOException e) {
            err.println("dvk: cannot write " + output.target() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        clock.lap("write " + format);
        if (timings) {
            clock.print(err);
        }
        if (output.toFile()) {
            err.println("dvk: " + summary(evaluation) + " → " + output.target());
        }
        if (!evaluation.rejected().isEmpty()) {
            err.println("dvk: " + evaluation.rejected().size() + " of " + evaluation.records()
                    + " records rejected (listed in the output under \"rejected\")");
            return ExitCodes.REJECTED_RECORDS;
        }
        return ExitCodes.OK;
    }

    private static String summary(Evaluation evaluation) {
        StringBuilder text = new StringBuilder()
                .append(evaluation.records()).append(" records, ")
                .append(evaluation.decisions().size()).append(" decided, ")
                .append(evaluation.rejected().size()).append(" rejected;");
        evaluation.rules().awardedTitles().forEach(t ->
                text.append(' ').append(t.code()).append(' ').append(evaluation.count(t.code())));
        return text.toString();
    }

    private void write(Evaluation evaluation) throws IOException {
        AtomicFile.Content content = stream -> {
            switch (format) {
                case json -> DecisionJsonWriter.write(evaluation, stream);
                case csv -> DecisionCsvWriter.write(evaluation, stream);
                case xlsx -> DecisionXlsxWriter.write(evaluation, stream);
                case html -> DecisionHtmlWriter.write(evaluation, stream);
            }
        };
        output.write(spec, content);
    }
}
