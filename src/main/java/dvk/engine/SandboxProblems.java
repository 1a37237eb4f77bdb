package dvk.engine;

import dvk.engine.sandbox.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sandbox's findings as problems that name the DRL file, the line and the rule. */
final class SandboxProblems {
    private SandboxProblems() {}

    static List<RuleProblem> of(List<Finding> findings, RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Finding f : findings) {
            problems.add(f.function() != null ? inFunction(f, sources) : inRule(f, sources));
        }
        return problems.stream().distinct().sorted(java.util.Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line)).toList();
    }

    private static RuleProblem inRule(Finding f, RuleSources sources) {
        if (f.rule() != null) {
            for (RuleSources.DrlFile drl : sources.drlFiles()) {
                for (RuleSources.Declaration d : drl.rules()) {
                    if (d.rule().equals(f.rule())) {
                        DrlText text = DrlText.of(drl.text());
                        return new RuleProblem(drl.name(), lineOf(text, f.word(), d.line(), text.endOfRule(d.line())),
                                f.rule(), f.message());
                    }
                }
            }
        }
        return anywhere(f, sources);
    }

    /** Code no rule owns (a declared type, say): the first line that shows its word. */
    private static RuleProblem anywhere(Finding f, RuleSources sources) {
        if (f.word() != null && !f.word().isEmpty()) {
            Pattern shown = Pattern.compile("(?<![\\w$-])" + Pattern.quote(f.word()) + "(?![\\w$-])");
            for (RuleSources.DrlFile drl : sources.drlFiles()) {
                String bare = DrlText.of(drl.text()).bare();
                Matcher m = shown.matcher(bare);
                if (m.find()) {
                    int line = DrlText.lineAt(bare, m.start());
                    return new RuleProblem(drl.name(), line, sources.ruleAt(drl.name(), line), f.message());
                }
            }
        }
        return new RuleProblem("", 0, f.rule(), f.message());
    }

    private static RuleProblem inFunction(Finding f, RuleSources sources) {
        Pattern declaration = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(f.function()) + "\\s*\\(");
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            DrlText text = DrlText.of(drl.text());
            Matcher m = declaration.matcher(text.bare());
            if (m.find()) {
                int start = DrlText.lineAt(text.bare(), m.start());
                return new RuleProblem(drl.name(), lineOf(text, f.word(), start, endOfFunction(text, start)), null,
                        "function " + f.function() + " " + f.message());
            }
        }
        return new RuleProblem("", 0, null, "function " + f.function() + " " + f.message());
    }

    /** The first line from {@code from} to {@code to} whose code shows the word, else {@code from}. */
    private static int lineOf(DrlText text, String word, int from, int to) {
        if (word == null || word.isEmpty() || word.startsWith("<") || word.startsWith("lambda$")) return from;
        Pattern shown = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
        String[] lines = text.bare().split("\n", -1);
        for (int i = from; i <= Math.min(to, lines.length); i++) {
            if (shown.matcher(lines[i - 1]).find()) return i;
        }
        return from;
    }

    /** A function ends where the next rule, function or query begins. */
    private static int endOfFunction(DrlText text, int start) {
        String[] lines = text.bare().split("\n", -1);
        for (int i = start; i < lines.length; i++) {
            if (lines[i].matches("\\s*(rule|function|query|declare)\\b.*")) return i;
        }
        return lines.length;
    }
}
