package dvk.cli;

import dvk.app.EvaluationObserver;
import dvk.app.MeetingPapers;
import dvk.app.Outcome;
import dvk.app.PapersRequest;
import dvk.engine.RulesException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "papers",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates a batch as evaluate does and writes the papers of the committee's meeting into a directory:"
                    + " the proposal (to-trinh-YEAR.docx), the draft decisions, one per issuing body, with the awardees"
                    + " of each title in their annex (du-thao-quyet-dinh-YEAR.docx), and the same lists as a workbook,"
                    + " one sheet per title (danh-sach-khen-thuong-YEAR.xlsx). The documents follow the form of"
                    + " administrative documents (Decree 30/2020/NĐ-CP); number, date and signature are left to fill."
        })
public final class PapersCommand implements Callable<Integer> {
    /** Languages of {@code --lang}. */
    enum Language { vi, en }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The batch: a .json, .csv or .xlsx file (first sheet).")
    Path input;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The directory the papers go into; created when missing. Papers of the same year there are replaced.")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "vi",
            description = "The papers' language: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Language language;

    @CommandLine.Mixin
    RuleTimeoutOption ruleTimeout;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String refusal = MeetingPapers.refusal(out);
        if (refusal != null) {
            err.println("dvk: --out " + out + ": " + refusal);
            return ExitCodes.USAGE;
        }
        Outcome<MeetingPapers.Written> outcome;
        try {
            PapersRequest request = new PapersRequest(input, rules.library(), language.name(), out, ruleTimeout.timeout());
            outcome = new MeetingPapers().write(request, new EvaluationObserver() {
                @Override
                public Progress progress(long fileSize) {
                    return ProgressDisplay.forFile(fileSize);
                }
            });
        } catch (RulesException e) {
            outcome = new Outcome.RulesUnusable<>(e.problems());
        }
        if (outcome instanceof Outcome.Done<MeetingPapers.Written> done) return written(done.value(), err);
        if (outcome instanceof Outcome.OutputFailed<?> failed) {
            err.println("dvk: cannot write the papers into " + out + ": " + failed.cause().getMessage());
            return ExitCodes.USAGE;
        }
        return Outcomes.failed(outcome, err, "no papers were written", null);
    }

    private int written(MeetingPapers.Written written, PrintWriter err) {
        err.println("dvk: " + written.tally().summary() + " → " + written.files().stream()
                .map(Path::toString).collect(Collectors.joining(", ")));
        if (written.tally().rejected() == 0) return ExitCodes.OK;
        err.println("dvk: " + written.tally().rejected() + " of " + written.tally().records() + " records rejected:"
                + " the papers leave them out and the proposal counts them; `dvk evaluate --format html` lists what is"
                + " wrong in each");
        return ExitCodes.REJECTED_RECORDS;
    }
}
