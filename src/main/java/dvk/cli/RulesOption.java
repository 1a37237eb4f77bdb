package dvk.cli;

import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RulesException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}, shared by every command that reads rules, and how their problems are printed. */
public final class RulesOption {
    /** Where policy staff keep the rules they edit; used when it exists, so that what they see is what runs. */
    static final Path WORKING_RULES = Path.of("rules");

    @Option(names = "--rules", paramLabel = "DIR",
            description = {"Rules: one rule set (a directory with ruleset.json, titles.json and .drl files), or a"
                    + " directory of rule sets (evaluate, verify and diff use the one whose years include the batch's year;"
                    + " check and rules read them all).",
                "Default: rules/ in the working directory when there is one, else the rules bundled in dvk."})
    Path rules;

    RuleLibrary library() throws RulesException {
        Path directory = directory();
        return directory != null ? RuleLibrary.open(directory) : RuleLibrary.bundled();
    }

    /** The directory the rules are read from; null for the rules bundled in dvk. */
    Path directory() {
        if (rules != null) return rules;
        return Files.isDirectory(WORKING_RULES) ? WORKING_RULES : null;
    }

    /** One line per problem, under a line saying what could not be done. */
    static void print(PrintWriter err, String what, RulesException e) {
        print(err, what, e.problems());
    }

    static void print(PrintWriter err, String what, java.util.List<RuleProblem> problems) {
        err.println("dvk: " + what + ":");
        for (RuleProblem problem : problems) {
            err.println("  " + problem);
        }
    }
}
