package dvk.cli;

import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RulesException;
import dvk.engine.RulesLookup;
import dvk.report.RuleProblemText;
import dvk.report.Words;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}, shared by every command that reads rules, and how their problems are printed. */
public final class RulesOption {
    /** Where policy staff keep the rules they edit; used when it exists, so that what they see is what runs. */
    static final Path WORKING_RULES = Path.of(RulesLookup.DIRECTORY);
    /** The working directory, where the lookup of rules/ starts. */
    private static final Path HERE = Path.of("");
    /** Hex digits of a fingerprint that summaries show, as git shows a short commit id. */
    private static final int SHORT_FINGERPRINT = 12;

    @Option(names = "--rules", paramLabel = "DIR",
            description = {"Rules: one rule set (a directory with ruleset.json, titles.json and .drl files), or a"
                    + " directory of rule sets (evaluate, verify and diff use the one whose years include the batch's year;"
                    + " check and rules read them all).",
                "Default: rules/ in the working directory or the nearest directory above it that has one (as git"
                        + " finds its repository), else the rules bundled in dvk."})
    Path rules;

    RuleLibrary library() throws RulesException {
        return RulesLookup.open(rules, HERE);
    }

    /** The directory the rules are read from; null for the rules bundled in dvk. */
    Path directory() {
        return RulesLookup.directory(rules, HERE).orElse(null);
    }

    /** How summaries name a rule set they used: {@code rules/2024-2025 sha256:25f3b5a800d8}. */
    static String used(String source, String fingerprint) {
        int end = fingerprint.indexOf(':') + 1 + SHORT_FINGERPRINT;
        return source + " " + (end < fingerprint.length() ? fingerprint.substring(0, end) : fingerprint);
    }

    /** One line per problem, under a line saying what could not be done. */
    static void print(PrintWriter err, String what, RulesException e) {
        print(err, what, e.problems());
    }

    static void print(PrintWriter err, String what, java.util.List<RuleProblem> problems) {
        err.println("dvk: " + what + ":");
        for (RuleProblem problem : problems) {
            for (String line : lines(problem)) err.println("  " + line);
        }
    }

    /** A problem in the rules for people: where, what in English then in Vietnamese, and the line with a caret. */
    static java.util.List<String> lines(RuleProblem problem) {
        return RuleProblemText.lines(problem, Words.english(), Words.vietnamese());
    }
}
