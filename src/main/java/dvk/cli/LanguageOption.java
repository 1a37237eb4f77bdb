package dvk.cli;

import dvk.report.Words;
import picocli.CommandLine.Option;

/**
 * {@code --lang vi|en}: the language of the words a person reads. What is about the committee's
 * data (the HTML report and the impact page, rejected records' problems, file errors, warnings,
 * evaluate's lines on stderr) is Vietnamese unless {@code --lang en}; the other messages (the
 * rules' problems, check, verify, diff and rules on stderr) stay English, as scripts and logs read
 * them, unless {@code --lang vi}. Field names, criterion ids, title codes and the JSON never change.
 */
public final class LanguageOption {
    enum Language { vi, en }

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of what a person reads: ${COMPLETION-CANDIDATES}. The report, rejected records'"
                    + " problems, file errors and warnings are Vietnamese unless en; other messages are English unless vi."
                    + " Field names and codes stay as the data contract has them.")
    Language language;

    /** The words of the committee's data: Vietnamese unless English is asked for. */
    Words words() {
        return language == Language.en ? Words.english() : Words.vietnamese();
    }

    /** The words of the other messages on stderr: English unless Vietnamese is asked for. */
    Words messages() {
        return language == Language.vi ? Words.vietnamese() : Words.english();
    }
}
