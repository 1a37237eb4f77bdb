package dvk.cli;

import dvk.app.DecisionFormat;
import dvk.app.EvaluationObserver;
import dvk.app.EvaluationResult;
import dvk.app.Outcome;
import dvk.app.EvaluationRequest;
import dvk.app.Evaluations;
import dvk.app.Tally;
import dvk.engine.RuleBuildMode;
import dvk.report.Words;
import dvk.engine.RulesException;
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
                    + " decision with its reasons. JSON and CSV are streamed: a million records fit in a 256 MB heap."
        })
public final class EvaluateCommand implements Callable<Integer> {
    /** Output formats of {@code --format}, and where each lists the rejected records. */
    enum Format {
        json(DecisionFormat.JSON, "listed in the output under \"rejected\""),
        csv(DecisionFormat.CSV, "rows with status \"rejected\", the problems under \"reasons\""),
        xlsx(DecisionFormat.XLSX, "listed in the sheet \"Rejected\""),
        html(DecisionFormat.HTML, "listed at the end of the report, under \"" + Words.vietnamese().text("rejected.heading") + "\"");

        final DecisionFormat decisions;
        final String whereRejected;

        Format(DecisionFormat decisions, String whereRejected) {
            this.decisions = decisions;
            this.whereRejected = whereRejected;
        }
    }

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
        long started = clock.now();
        Outcome<EvaluationResult> outcome;
        try {
            EvaluationRequest request = new EvaluationRequest(input, rules.library(), format.decisions,
                    threads == null ? 0 : threads, ruleTimeout.timeout(), buildMode);
            outcome = new Evaluations().evaluate(request, content -> output.write(spec, content), new EvaluationObserver() {
                @Override
                public void phaseEnded(String phase) {
                    clock.lap(phase);
                }

                @Override
                public Progress progress(long fileSize) {
                    return ProgressDisplay.forFile(fileSize);
                }
            });
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (outcome instanceof Outcome.Done<EvaluationResult> done) return evaluated(done.value(), clock, started, err);
        return Outcomes.failed(outcome, err, "nothing was evaluated", output);
    }

    private int evaluated(EvaluationResult done, PhaseClock clock, long started, PrintWriter err) {
        Tally<?> tally = done.tally();
        clock.total("read, evaluate and write " + tally.records() + " records as " + format, started);
        if (timings) {
            clock.print(err);
            RunFigures.print(err, tally.firstDecision());
        }
        err.println("dvk: " + tally.summary() + " → " + output.target() + " (rules "
                + RulesOption.used(done.rules().source(), done.rules().fingerprint()) + ")");
        if (tally.rejected() == 0) return ExitCodes.OK;
        err.println("dvk: " + tally.rejected() + " of " + tally.records() + " records rejected (" + format.whereRejected + ")");
        return ExitCodes.REJECTED_RECORDS;
    }
}
