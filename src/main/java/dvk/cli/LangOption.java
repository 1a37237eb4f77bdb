package dvk.cli;

import dvk.report.Words;
import picocli.CommandLine.Option;

/**
 * {@code --lang vi|en}, shared by the commands a committee or policy staff run: the language of what
 * they write for people to read and of their messages on stderr. Documents (the HTML report, the
 * impact page) are Vietnamese unless {@code --lang en}; messages stay English, as scripts and logs
 * expect them, unless {@code --lang vi}. Codes (criterion ids, title codes, the JSON) never change.
 */
public final class LangOption {
    /** The languages dvk has words in. */
    enum Lang { vi, en }

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the report (${COMPLETION-CANDIDATES}; default: vi) and of the messages on stderr"
                    + " (default: en). Criterion ids, title codes and the JSON stay codes.")
    Lang lang;

    /** The words of documents: Vietnamese unless English is asked for. */
    Words documents() {
        return lang == Lang.en ? Words.english() : Words.vietnamese();
    }

    /** The words of messages on stderr: English unless Vietnamese is asked for. */
    Words messages() {
        return lang == Lang.vi ? Words.vietnamese() : Words.english();
    }
}
