package dvk.cli;

import dvk.domain.TitleDefinition;
import dvk.engine.DecisionListener;
import dvk.engine.Evaluation;
import dvk.engine.EvaluationCollector;
import dvk.engine.Evaluator;
import dvk.engine.RuleBuildMode;
import dvk.engine.RuleCompiler;
import dvk.engine.RuleFailure;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.engine.YearNotCoveredException;
import dvk.io.BatchException;
import dvk.io.BatchReader;
import dvk.io.BatchStream;
import dvk.io.JsonDecisionOutput;
import dvk.report.CsvDecisionOutput;
import dvk.report.DecisionXlsxWriter;
import dvk.report.DecisionHtmlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
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
                    + " decision with its reasons. JSON and CSV are streamed: a million records fit in a 256 MB heap.",
            "",
            "Exit codes: 0 all records decided; 3 decided, but some records rejected (listed in the output);"
                    + " 2 usage, unreadable input (a file broken midway stops the run; nothing is written), an --out that"
                    + " would replace an input, a directory, a device or a read-only file (refused before the run), or"
                    + " output that cannot be written; 4 the rules do not compile, do not apply to the batch's year,"
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

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @Option(names = "--threads", paramLabel = "N", description = "Threads evaluating chunks of records; the output is the same whatever N is. Default: all cores.")
    Integer threads;

    @Option(names = "--build-mode", paramLabel = "MODE", defaultValue = "AUTO", hidden = true,
            description = "How rules are compiled: ${COMPLETION-CANDIDATES}.")
    RuleBuildMode buildMode;

    @Option(names = "--timings", description = "Print on stderr how long each phase took (build rules, read and evaluate, write), the time"
            + " from JVM start to the first decision, and the peak heap.")
    boolean timings;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (format == Format.xlsx && !output.toFile()) {
            // a workbook is binary: on a terminal it is noise, and nothing is lost by naming a file
            err.println("dvk: --format xlsx writes a workbook: give --out FILE.xlsx");
            return ExitCodes.USAGE;
        }
        if (output.refused(err, input, rules.directory())) return ExitCodes.USAGE;
        if (timings) RunFigures.watch();
        PhaseClock clock = new PhaseClock();
        BatchStream opened;
        try {
            opened = BatchReader.open(input);
        } catch (BatchException e) {
            err.println("dvk: " + input + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (BatchStream batch = opened) {
            clock.lap("open " + input + " (year " + batch.year() + ")");
            RuleSet ruleSet;
            try {
                ruleSet = new RuleCompiler(buildMode).compile(rules.library().forYear(batch.year()));
            } catch (RulesException e) {
                RulesOption.print(err, "the rules cannot be used; nothing was evaluated", e);
                return ExitCodes.RULES;
            }
            clock.lap("build rules (" + ruleSet.build() + ", " + ruleSet.ruleCount() + " rules of " + ruleSet.source() + ")");
            Evaluator evaluator = (threads == null ? new Evaluator(ruleSet) : new Evaluator(ruleSet, threads))
                    .withRuleTimeout(ruleTimeout.timeout());
            long started = clock.now();
            Tally<?> tally = switch (format) {
                case json -> streamed(clock, batch, evaluator, new JsonDecisionOutput(batch.year(), ruleSet),
                        JsonDecisionOutput::writeTo);
                case csv -> streamed(clock, batch, evaluator, new CsvDecisionOutput(ruleSet.awardedTitles()),
                        CsvDecisionOutput::writeTo);
                case xlsx -> collected(clock, batch, evaluator, DecisionXlsxWriter::write);
                case html -> collected(clock, batch, evaluator, DecisionHtmlWriter::write);
            };
            clock.lap("write the output (" + format + ")");
            clock.total("read, evaluate and write " + tally.records() + " records as " + format, started);
            if (timings) {
                clock.print(err);
                RunFigures.print(err, tally.firstDecision());
            }
            if (output.toFile()) {
                err.println("dvk: " + tally.summary() + " → " + output.target());
            }
            if (tally.rejected() > 0) {
                err.println("dvk: " + tally.rejected() + " of " + tally.records() + " records rejected ("
                        + switch (format) {
                            case json -> "listed in the output under \"rejected\")";
                            case csv -> "rows with status \"rejected\", the problems under \"reasons\")";
                            case xlsx -> "listed in the sheet \"Rejected\")";
                            case html -> "listed at the end of the report, under \"Hồ sơ bị loại\")";
                        });
                return ExitCodes.REJECTED_RECORDS;
            }
            return ExitCodes.OK;
        } catch (BatchException e) {
            // the records before the problem were evaluated, but a batch is decided whole or not at all
            err.println("dvk: " + input + ": " + e.getMessage() + "; the run stopped after " + opened.recordsRead()
                    + " records were read, and nothing was written");
            return ExitCodes.USAGE;
        } catch (RuleFailure | YearNotCoveredException e) {
            err.println("dvk: " + e.getMessage() + "; nothing was written");
            return ExitCodes.RULES;
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        } catch (UncheckedIOException e) {
            err.println("dvk: " + output.cannotWrite(e.getCause()));
            return ExitCodes.USAGE;
        }
    }

    /** An output that can write itself once every record has been told. */
    @FunctionalInterface
    private interface Finish<O> {
        void writeTo(O output, OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Whole {
        void write(Evaluation evaluation, OutputStream out) throws IOException;
    }

    /** JSON and CSV: rendered as decisions are made, spilled to disk, the file written at the end. */
    private <R, O extends DecisionListener<R> & AutoCloseable> Tally<R> streamed(PhaseClock clock,
            BatchStream batch, Evaluator evaluator, O sink, Finish<O> finish) throws BatchException, IOException {
        try (O out = sink; ProgressDisplay progress = ProgressDisplay.forFile(batch.size())) {
            Tally<R> tally = new Tally<>(out, batch, progress, codes(evaluator));
            evaluator.stream(batch.year(), batch, tally);
            progress.close();
            clock.lap("read and evaluate " + tally.records() + " records");
            output.write(spec, stream -> finish.writeTo(out, stream));
            return tally;
        } catch (IOException | BatchException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** XLSX and HTML need the whole batch at once: committee-sized batches, kept in memory. */
    private Tally<dvk.domain.Decision> collected(PhaseClock clock, BatchStream batch, Evaluator evaluator, Whole whole)
            throws BatchException, IOException {
        EvaluationCollector collector = new EvaluationCollector();
        Tally<dvk.domain.Decision> tally;
        try (ProgressDisplay progress = ProgressDisplay.forFile(batch.size())) {
            tally = new Tally<>(collector, batch, progress, codes(evaluator));
            evaluator.stream(batch.year(), batch, tally);
        }
        clock.lap("read and evaluate " + tally.records() + " records");
        Evaluation evaluation = collector.evaluation(batch.year(), evaluator.rules());
        output.write(spec, stream -> whole.write(evaluation, stream));
        return tally;
    }

    private static List<String> codes(Evaluator evaluator) {
        return evaluator.rules().awardedTitles().stream().map(TitleDefinition::code).toList();
    }
}
