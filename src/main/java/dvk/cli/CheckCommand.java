package dvk.cli;

import dvk.app.Outcome;
import dvk.app.RuleSetDescriptions;
import dvk.app.Verification;
import dvk.engine.Evaluator;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleProblem;
import dvk.engine.RuleSet;
import dvk.engine.RulesException;
import dvk.report.Words;
import dvk.regression.Coverage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Compiles every rule set and lints it. Errors: a rule that does not compile; a rule without @id or"
                    + " @cite; two rules with one @id; a title code missing from titles.json; a required criterion"
                    + " that no rule checks, or a criterion rule no title requires; unsafe code (anything beyond the"
                    + " domain model and plain value types). Warnings: a title no rule awards; a threshold repeated in"
                    + " another rule; with --fixtures, a criterion the fixtures never see passing or failing."
        })
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RulesOption rules;

    @Option(names = "--strict", description = "Exit 1 when there are warnings.")
    boolean strict;

    @CommandLine.Mixin
    LanguageOption language;

    @Option(names = "--fixtures", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
            description = "Also run the regression fixtures in DIR (default: fixtures/regression/ beside the rules) and"
                    + " warn of every criterion rule they never see passing, or never see failing (a rule that none"
                    + " can fail says so with @coverage(\"passes only: why\")). With --strict, those warnings exit 1"
                    + " too: every criterion seen both ways.")
    String fixtures;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Words messages = language.messages();
        RuleLibrary library;
        try {
            library = rules.library();
        } catch (RulesException e) {
            RulesOption.print(err, messages.text("cli.rulesUnreadable"), e);
            return ExitCodes.RULES;
        }
        int errors = 0;
        int warnings = 0;
        List<RuleSetDescriptions.Checked> checked = new RuleSetDescriptions().check(library);
        Map<String, List<RuleProblem>> gaps = new HashMap<>();
        if (fixtures != null && checked.stream().allMatch(RuleSetDescriptions.Checked::compiles)) {
            Path directory = fixtures.isBlank() ? VerifyCommand.defaultFixtures(rules) : Path.of(fixtures);
            Outcome<Verification.Covered> covered = new Verification().coverage(List.of(directory), library,
                    Evaluator.DEFAULT_RULE_TIMEOUT);
            if (!(covered instanceof Outcome.Done<Verification.Covered> done)) {
                if (covered instanceof Outcome.InputUnreadable<?> unreadable) {
                    err.println("dvk: " + unreadable.message());
                    return ExitCodes.USAGE;
                }
                return Outcomes.failed(covered, err, "the fixtures were not run", null);
            }
            for (Coverage.RuleSetCoverage set : done.value().coverage().ruleSets()) {
                gaps.put(set.source(), Verification.gaps(set, directory.toString()));
            }
        }
        for (RuleSetDescriptions.Checked set : checked) {
            String label = set.entry().label();
            if (set.compiles()) {
                List<RuleProblem> found = new ArrayList<>(set.warnings());
                found.addAll(gaps.getOrDefault(set.rules().source(), List.of()));
                for (RuleProblem warning : found) {
                    out.println("warning: " + warning);
                }
                warnings += found.size();
                RuleSet rules = set.rules();
                out.println(label + ": " + rules.ruleCount() + " rules, " + rules.titles().size() + " titles, years "
                        + rules.years() + ": " + (found.isEmpty() ? "ok" : count(found.size(), "warning")));
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
        for (RuleSetDescriptions.Difference d : new RuleSetDescriptions().differences(checked)) {
            out.println("note: " + d.ruleId() + " (" + d.title() + ", " + d.criterion() + ") differs between rule sets: "
                    + d.requirements().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining("; ")));
        }
        if (StandardOutput.lost(out, err)) return ExitCodes.USAGE;
        if (library.isBundled()) {
            err.println("dvk: no rules/ directory here or above it: checked the rules bundled in dvk (" + library.label()
                    + "), not rules you can edit; name yours with --rules DIR");
        }
        if (errors > 0) {
            err.println("dvk: " + messages.text(errors == 1 ? "cli.check.error" : "cli.check.errors",
                    Outcomes.count(messages, errors)));
            return ExitCodes.RULES;
        }
        return strict && warnings > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** {@code 1 error}, {@code 2 errors}. */
    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
