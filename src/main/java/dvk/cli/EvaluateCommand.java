package dvk.cli;

import dvk.app.DecisionFormat;
import dvk.app.EvaluationObserver;
import dvk.app.EvaluationResult;
import dvk.app.Outcome;
import dvk.app.EvaluationRequest;
import dvk.app.Evaluations;
import dvk.app.Tally;
import dvk.engine.RuleBuildMode;
import dvk.engine.RulesException;
import dvk.report.Cards;
import dvk.report.Words;
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
    /** Output formats of {@code --format}. */
    enum Format {
        json(DecisionFormat.JSON), csv(DecisionFormat.CSV), xlsx(DecisionFormat.XLSX), html(DecisionFormat.HTML);

        final DecisionFormat decisions;

        Format(DecisionFormat decisions) {
            this.decisions = decisions;
        }

        /** Where the output lists the rejected records, in the messages' words; the report's heading in its own. */
        String whereRejected(Words messages, Words report) {
            return messages.text("cli.rejected." + name(), report.text("rejected.heading"));
        }
    }

    /** The cards of {@code --cards}. */
    enum CardChoice {
        all(Cards.ALL), missed(Cards.MISSED), none(Cards.NONE);

        final Cards cards;

        CardChoice(Cards cards) {
            this.cards = cards;
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

    @CommandLine.Mixin
    LangOption lang;

    @Option(names = "--cards", paramLabel = "WHICH", defaultValue = "none",
            description = "html: which nominations get a full card (score, titles awarded with rule and citation, every"
                    + " title missed and why) after the per-title tables of awardees and near misses:"
                    + " ${COMPLETION-CANDIDATES} (missed: those awarded no title). Default: ${DEFAULT-VALUE}.")
    CardChoice cards;

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
        Words messages = lang.messages();
        if (format == Format.xlsx && !output.toFile()) {
            // a workbook is binary: on a terminal it is noise, and nothing is lost by naming a file
            err.println("dvk: " + messages.text("cli.xlsxNeedsOut"));
            return ExitCodes.USAGE;
        }
        if (output.refused(err, input, rules.directory())) return ExitCodes.USAGE;
        if (timings) RunFigures.watch();
        PhaseClock clock = new PhaseClock();
        long started = clock.now();
        Outcome<EvaluationResult> outcome;
        try {
            EvaluationRequest request = new EvaluationRequest(input, rules.library(), format.decisions,
                    threads == null ? 0 : threads, ruleTimeout.timeout(), buildMode, lang.documents(), cards.cards);
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
        if (outcome instanceof Outcome.Done<EvaluationResult> done) return evaluated(done.value(), clock, started, err, messages);
        return Outcomes.failed(outcome, err, messages.text("cli.nothingEvaluated"), output, messages);
    }

    private int evaluated(EvaluationResult done, PhaseClock clock, long started, PrintWriter err, Words messages) {
        Tally<?> tally = done.tally();
        clock.total("read, evaluate and write " + tally.records() + " records as " + format, started);
        if (timings) {
            clock.print(err);
            RunFigures.print(err, tally.firstDecision());
        }
        if (output.toFile()) {
            err.println("dvk: " + summary(tally, messages) + " " + messages.text("cli.writtenTo", output.target()));
        }
        if (tally.rejected() == 0) return ExitCodes.OK;
        err.println("dvk: " + messages.text("cli.rejected", Outcomes.count(messages, tally.rejected()),
                Outcomes.count(messages, tally.records()), format.whereRejected(messages, lang.documents())));
        return ExitCodes.REJECTED_RECORDS;
    }

    /** {@code 60 records, 60 decided, 0 rejected; DISTRICT_MODEL 27 …}: title codes stay codes. */
    static String summary(Tally<?> tally, Words messages) {
        StringBuilder text = new StringBuilder(messages.text("cli.summary", Outcomes.count(messages, tally.records()),
                Outcomes.count(messages, tally.decided()), Outcomes.count(messages, tally.rejected())));
        tally.titles().forEach((title, count) -> text.append(' ').append(title).append(' ').append(Outcomes.count(messages, count)));
        return text.toString();
    }
}
