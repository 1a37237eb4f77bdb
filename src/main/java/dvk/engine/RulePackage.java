package dvk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every rule file declares {@code package dvk.rules;}. A rule file in another package would have
 * its code compiled into that package, beside whatever classes live there, and could call their
 * members by their short names; the sandbox refuses such code too, but this says it plainly first.
 */
final class RulePackage {
    static final String NAME = "dvk.rules";
    private static final Pattern DECLARATION = Pattern.compile("(?m)^\\s*package\\s+([\\w.$]+)\\s*;?");

    private RulePackage() {}

    static List<RuleProblem> check(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            String bare = DrlText.of(drl.text()).bare();
            Matcher m = DECLARATION.matcher(bare);
            if (!m.find()) {
                problems.add(new RuleProblem(drl.name(), 1, null, "no package line: a rule file starts with \"package " + NAME + ";\""));
            } else if (!m.group(1).equals(NAME)) {
                problems.add(new RuleProblem(drl.name(), DrlText.lineAt(bare, m.start(1)), null,
                        "package " + m.group(1) + " is not allowed: rule files declare \"package " + NAME + ";\""));
            } else if (m.find()) {
                problems.add(new RuleProblem(drl.name(), DrlText.lineAt(bare, m.start(1)), null,
                        "a second package line: a rule file declares \"package " + NAME + ";\" once"));
            }
        }
        return problems;
    }
}
