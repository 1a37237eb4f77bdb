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
import dvk.engine.RulesException;
import dvk.report.Cards;
import dvk.report.InputText;
import dvk.report.Words;
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

    /** The cards of {@code --cards}. */
    enum CardChoice {
        all(Cards.ALL), missed(Cards.MISSED), none(Cards.NONE);

        final Cards cards;

        CardChoice(Cards cards) {
            this.cards = cards;
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
            description = "Output format: ${COMPLETION-CANDIDATES} (html: one self-contained page for the meeting, with"
                    + " the counts, a chart, per title its awardees and near misses, a filterable list, printable;"
                    + " xlsx: sheets Decisions, Summary and Rejected, needs --out). Default: ${DEFAULT-VALUE}.")
    Format format;

    @CommandLine.Mixin
    OutputOption output;

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @CommandLine.Mixin
    LanguageOption language;

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
        Words words = language.words();
        Words messages = language.messages();
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
                    threads == null ? 0 : threads, ruleTimeout.timeout(), buildMode, words, cards.cards);
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
        if (outcome instanceof Outcome.Done<EvaluationResult> done) return evaluated(done.value(), clock, started, err, words);
        return Outcomes.failed(outcome, err, messages.text("cli.nothingEvaluated"), output, words, messages);
    }

    /** What the run did, in the words of the committee's data (Vietnamese unless {@code --lang en}). */
    private int evaluated(EvaluationResult done, PhaseClock clock, long started, PrintWriter err, Words words) {
        Tally<?> tally = done.tally();
        clock.total("read, evaluate and write " + tally.records() + " records as " + format, started);
        if (timings) {
            clock.print(err);
            RunFigures.print(err, tally.firstDecision());
        }
        err.println("dvk: " + summary(tally, words) + " → " + output.target(words)
                + words.text("cli.rulesUsed", RulesOption.used(done.rules().source(), done.rules().fingerprint())));
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
        err.println("dvk: " + words.text("input.run.rejected", Outcomes.count(words, tally.rejected()),
                Outcomes.count(words, tally.records()), words.text("input.run.where." + format.name(), words.text("rejected.heading"))));
        return ExitCodes.REJECTED_RECORDS;
    }

    /** {@code 60 records, 60 decided, 0 rejected; DISTRICT_MODEL 27 …}: title codes stay codes. */
    static String summary(Tally<?> tally, Words words) {
        StringBuilder text = new StringBuilder(words.text("cli.summary", Outcomes.count(words, tally.records()),
                Outcomes.count(words, tally.decided()), Outcomes.count(words, tally.rejected())));
        tally.titles().forEach((title, count) -> text.append(' ').append(title).append(' ').append(Outcomes.count(words, count)));
        return text.toString();
    }
}
