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
        return failed(outcome, err, undone, output, words, Words.english());
    }

    /**
     * The same, a problem of the input in {@code data}, the words of the committee's data (Vietnamese
     * unless {@code --lang en}), and the rest (the rules' problems) in {@code messages} (English
     * unless {@code --lang vi}), {@code undone} already in them.
     */
    static int failed(Outcome<?> outcome, PrintWriter err, String undone, OutputOption output, Words data, Words messages) {
        if (outcome instanceof Outcome.InputUnreadable<?> unreadable) {
            err.println("dvk: " + unreadable.input() + ": " + InputText.of(unreadable.phrase(), unreadable.message(), data));
            return ExitCodes.USAGE;
        }
        if (outcome instanceof Outcome.InputBroken<?> broken) {
            // the records before the problem were evaluated, but a batch is decided whole or not at all
            err.println("dvk: " + broken.input() + ": " + data.text("input.run.stopped",
                    InputText.of(broken.phrase(), broken.message(), data), count(data, broken.recordsRead())));
            return ExitCodes.USAGE;
        }
        if (outcome instanceof Outcome.RulesUnusable<?> unusable) {
            RulesOption.print(err, messages.text("cli.rulesUnusable", undone), unusable.problems());
            return ExitCodes.RULES;
        }
        if (outcome instanceof Outcome.RuleFailed<?> failed) {
            err.println("dvk: " + messages.text("cli.ruleFailed", failed.message()));
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

    /** A count in a message: grouped in Vietnamese ({@code 10.000}), plain in English as it always was. */
    static String count(Words words, long n) {
        return words.isVietnamese() ? words.number(n) : String.valueOf(n);
    }
}
