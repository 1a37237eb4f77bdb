package dvk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's metadata is text: {@code @cite("Decision 32/2024/QĐ-UBND")}. Drools would treat any
 * other value as an expression or an annotation class to build at compile time; dvk refuses them
 * first, with the line, instead of letting the compiler fail without saying where.
 */
final class RuleAnnotations {
    private static final Pattern ANNOTATION = Pattern.compile("@\\s*([\\w$.]+)\\s*(\\()?");
    private static final Pattern ONE_STRING = Pattern.compile("\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\"\\s*");

    private RuleAnnotations() {}

    static List<RuleProblem> check(RuleSources sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSources.DrlFile drl : sources.drlFiles()) {
            DrlText text = DrlText.of(drl.text());
            String bare = text.bare();
            String code = text.code();
            Matcher m = ANNOTATION.matcher(bare);
            while (m.find()) {
                int line = DrlText.lineAt(bare, m.start());
                String name = m.group(1);
                String problem = null;
                if (name.contains(".")) {
                    problem = "@" + name + " is not allowed: rule metadata is @name(\"text\"), with a plain name";
                } else if (m.group(2) != null) {
                    int close = closing(bare, m.end() - 1);
                    if (close < 0 || !ONE_STRING.matcher(code.substring(m.end(), close)).matches()) {
                        problem = "@" + name + "(…) is not allowed: rule metadata is @" + name + "(\"text\"), one string in quotes";
                    }
                }
                if (problem != null) problems.add(new RuleProblem(drl.name(), line, sources.ruleAt(drl.name(), line), problem));
            }
        }
        return problems;
    }

    /** The offset of the parenthesis closing the one at {@code open}, in text without strings; -1 if none. */
    private static int closing(String bare, int open) {
        int depth = 0;
        for (int i = open; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i;
        }
        return -1;
    }
}
