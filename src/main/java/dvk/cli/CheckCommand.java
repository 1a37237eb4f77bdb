package dvk.cli;

import dvk.app.RuleSetDescriptions;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles every rule set and lints it. Errors: a rule that does not compile; a rule without @id or"
                    + " @cite; two rules with one @id; a title code missing from titles.json; unsafe code (anything"
                    + " beyond the domain model and plain value types). Warnings: a title no rule awards; a"
                    + " threshold repeated in another rule."
        })
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--strict", description = "Exit 1 when there are warnings.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleLibrary library;
        try {
            library = rules.library();
        } catch (RulesException e) {
            RulesOption.print(err, "the rules cannot be read", e);
            return ExitCodes.RULES;
        }
        int errors = 0;
        int warnings = 0;
        for (RuleSetDescriptions.Checked set : new RuleSetDescriptions().check(library)) {
            String label = set.entry().label();
            if (set.compiles()) {
                for (RuleProblem warning : set.warnings()) {
                    out.println("warning: " + warning);
                }
                warnings += set.warnings().size();
                RuleSet rules = set.rules();
                out.println(label + ": " + rules.ruleCount() + " rules, " + rules.titles().size() + " titles, years "
                        + rules.years() + ": " + (set.warnings().isEmpty() ? "ok" : count(set.warnings().size(), "warning")));
            } else {
                for (RuleProblem problem : set.errors()) {
                    java.util.List<String> lines = RulesOption.lines(problem);
                    out.println("error: " + lines.get(0));
                    lines.subList(1, lines.size()).forEach(out::println);
                }
                errors += set.errors().size();
                out.println(label + ": " + count(set.errors().size(), "error"));
            }
        }
        if (StandardOutput.lost(out, err)) return ExitCodes.USAGE;
        if (library.isBundled()) {
            err.println("dvk: no rules/ directory here or above it: checked the rules bundled in dvk (" + library.label()
                    + "), not rules you can edit; name yours with --rules DIR");
        }
        if (errors > 0) {
            err.println("dvk: the rules have " + count(errors, "error") + "; evaluate, verify and diff refuse them");
            return ExitCodes.RULES;
        }
        return strict && warnings > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** {@code 1 error}, {@code 2 errors}. */
    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
