package dvk.report;

import dvk.engine.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A problem found in the rules as a person reads it on a terminal: where it is (file, line,
 * column, rule) and what is wrong, in one language and then in the other when dvk has words for it,
 * and the line of the rule file with a caret under the place:
 *
 * <pre>
 * rules/2024-2025/district-model.drl:21:41 rule "district-model: months running": missing ")" to close "Measures(" (opened on line 21, column 19)
 *     thiếu ")" để đóng "Measures(" (mở ở dòng 21, cột 19)
 *     21 |     $m : Measures(nominationId == $n.id
 *        |                                        ^
 * </pre>
 *
 * A problem without such words (a rule refused by the sandbox, titles.json that does not parse) is
 * its one line, as the engine wrote it.
 */
public final class RuleProblemText {
    private static final String INDENT = "    ";

    private RuleProblemText() {}

    /** The lines of a problem: the first is {@code where: what}, the others are indented. */
    public static List<String> lines(RuleProblem problem, Words first, Words second) {
        List<String> lines = new ArrayList<>();
        if (problem.said().isEmpty()) {
            lines.add(problem.toString());
        } else {
            lines.add(problem.where() + ": " + text(problem, first));
            if (second != null && second != first) lines.add(INDENT + text(problem, second));
        }
        if (problem.source() != null && problem.line() > 0) {
            String number = String.valueOf(problem.line());
            lines.add(INDENT + number + " | " + problem.source());
            if (problem.column() > 0) {
                lines.add(INDENT + " ".repeat(number.length()) + " | " + caret(problem.source(), problem.column()));
            }
        }
        return lines;
    }

    /** What is wrong, in one language: the problem's words joined. */
    public static String text(RuleProblem problem, Words words) {
        if (problem.said().isEmpty()) return problem.message();
        return problem.said().stream().map(s -> words.text(s.key(), s.args().toArray())).collect(Collectors.joining("; "));
    }

    /** Spaces (tabs where the line has tabs) up to the 1-based column, then "^". */
    private static String caret(String source, int column) {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            pad.append(i < source.length() && source.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad.append('^').toString();
    }
}
