package dvk.cli;

import dvk.app.DecisionFormat;
import dvk.app.EvaluationObserver;
import dvk.app.EvaluationResult;
import dvk.app.Outcome;
import dvk.app.EvaluationRequest;
import dvk.app.Evaluations;
import dvk.app.Tally;
import dvk.domain.ProvisionalQuota;
import dvk.domain.Warning;
import dvk.engine.RuleBuildMode;
import dvk.report.Words;
import dvk.engine.RulesException;
import dvk.report.InputText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
    /** Output formats of {@code --format}; where each lists the rejected records is the word {@code input.run.where.FORMAT}. */
    enum Format {
        json(DecisionFormat.JSON), csv(DecisionFormat.CSV), xlsx(DecisionFormat.XLSX), html(DecisionFormat.HTML);

        final DecisionFormat decisions;

        Format(DecisionFormat decisions) {
            this.decisions = decisions;
        }
    }

    /** Warnings and provisional quotas printed on stderr at most, each; the output lists them all. */
    static final int LINES_SHOWN = 10;
    /** Rejected records a provisional quota's line names at most. */
    static final int IDS_SHOWN = 5;

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

    @CommandLine.Mixin
    LanguageOption language;

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
                    threads == null ? 0 : threads, ruleTimeout.timeout(), buildMode, language.words());
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
        return Outcomes.failed(outcome, err, "nothing was evaluated", output, language.words());
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
        Words words = language.words();
        List<Warning> warnings = done.warnings();
        for (Warning warning : warnings.subList(0, Math.min(warnings.size(), LINES_SHOWN))) {
            err.println("dvk: " + words.text("input.run.warning", InputText.of(warning.message(), words)));
        }
        if (warnings.size() > LINES_SHOWN) {
            err.println("dvk: " + words.text("input.run.moreWarnings", warnings.size() - LINES_SHOWN));
        }
        List<ProvisionalQuota> provisional = done.provisional();
        for (ProvisionalQuota quota : provisional.subList(0, Math.min(provisional.size(), LINES_SHOWN))) {
            List<String> ids = quota.rejected();
            String named = String.join(", ", ids.subList(0, Math.min(ids.size(), IDS_SHOWN))) + (ids.size() > IDS_SHOWN ? ", …" : "");
            err.println("dvk: " + words.text("input.run.provisional", quota.district(), quota.title(), ids.size(), named));
        }
        if (provisional.size() > LINES_SHOWN) {
            err.println("dvk: " + words.text("input.run.moreProvisional", provisional.size() - LINES_SHOWN));
        }
        if (tally.rejected() == 0) return ExitCodes.OK;
        err.println("dvk: " + words.text("input.run.rejected", Long.toString(tally.rejected()), Long.toString(tally.records()),
                words.text("input.run.where." + format.name())));
        return ExitCodes.REJECTED_RECORDS;
    }
}
