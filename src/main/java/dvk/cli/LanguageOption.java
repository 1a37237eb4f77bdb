package dvk.cli;

import dvk.report.Words;
import picocli.CommandLine.Option;

/** {@code --lang vi|en}: the language of the words a person reads, Vietnamese unless English is asked for. */
public final class LanguageOption {
    enum Language { vi, en }

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "vi",
            description = "Language of what a person reads (rejected records' problems, file errors, warnings):"
                    + " ${COMPLETION-CANDIDATES}. Field names and codes stay as the data contract has them. Default: ${DEFAULT-VALUE}.")
    Language language = Language.vi;

    Words words() {
        return Words.of(language.name());
    }
}
