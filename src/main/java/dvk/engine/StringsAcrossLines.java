package dvk.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A string literal that spans lines: the executable model's parser fails on it without saying
 * where, so it is refused first with its file and line. (It once hid code from the text lint, which
 * ended strings at the line break while Drools did not.)
 */
final class StringsAcrossLines {
    private StringsAcrossLines() {}

    static List<RuleProblem> check(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            for (DrlText.Literal literal : DrlText.of(drl.text()).strings()) {
                if (literal.value().indexOf('\n') >= 0) {
                    problems.add(new RuleProblem(drl.name(), literal.line(), sources.ruleAt(drl.name(), literal.line()),
                            "a string that spans lines: end it on its line (write \\n for a line break)"));
                }
            }
        }
        return problems;
    }
}
