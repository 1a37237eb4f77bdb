package dvk.cli;

import dvk.app.Outcome;
import dvk.report.InputText;
import dvk.report.Words;
import java.io.PrintWriter;

/** Why a use case did nothing, in one line or a list of problems on stderr, and its exit code. */
final class Outcomes {
    private Outcomes() {}

    /**
     * @param undone what did not happen, for the rules' problems: {@code nothing was evaluated}
     * @param output names the output when it could not be written (null when the command writes none)
     */
    static int failed(Outcome<?> outcome, PrintWriter err, String undone, OutputOption output) {
        return failed(outcome, err, undone, output, Words.english());
    }

    /** The same, a problem of the input in {@code words}. */
    static int failed(Outcome<?> outcome, PrintWriter err, String undone, OutputOption output, Words words) {
        if (outcome instanceof Outcome.InputUnreadable<?> unreadable) {
            err.println("dvk: " + unreadable.input() + ": " + InputText.of(unreadable.phrase(), unreadable.message(), words));
            return ExitCodes.USAGE;
        }
        if (outcome instanceof Outcome.InputBroken<?> broken) {
            // the records before the problem were evaluated, but a batch is decided whole or not at all
            err.println("dvk: " + broken.input() + ": " + words.text("input.run.stopped",
                    InputText.of(broken.phrase(), broken.message(), words), Integer.toString(broken.recordsRead())));
            return ExitCodes.USAGE;
        }
        if (outcome instanceof Outcome.RulesUnusable<?> unusable) {
            RulesOption.print(err, "the rules cannot be used; " + undone, unusable.problems());
            return ExitCodes.RULES;
        }
        if (outcome instanceof Outcome.RuleFailed<?> failed) {
            err.println("dvk: " + failed.message() + "; nothing was written");
            return ExitCodes.RULES;
        }
        if (outcome instanceof Outcome.Unavailable<?> unavailable) {
            err.println("dvk: " + unavailable.what() + ": " + unavailable.message());
            return ExitCodes.USAGE;
        }
        if (outcome instanceof Outcome.OutputFailed<?> failed) {
            err.println("dvk: " + (output == null ? "cannot write: " + failed.cause().getMessage() : output.cannotWrite(failed.cause())));
            return ExitCodes.USAGE;
        }
        throw new IllegalArgumentException("not a failure: " + outcome);
    }
}
