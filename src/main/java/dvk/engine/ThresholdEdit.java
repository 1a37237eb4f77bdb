package dvk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A criterion's threshold changed in a form: the number literal of a criterion rule's {@code Check}
 * call ({@code 12} in {@code Check.atLeast(kcontext, $n.id(), $m.months(), 12)}) found in the rule
 * file's text, and that literal, and nothing else, rewritten. Read from the text alone, without
 * compiling it: the workbench edits drafts that only a child process compiles.
 */
public final class ThresholdEdit {
    /**
     * A threshold as written: the rule's name and the {@code @id}, {@code @title} and {@code @criterion}
     * of its header (null when the header lacks one), the {@code Check} method, what it compares, the
     * literal as written, and where the literal stands (offset in the text, 1-based line and column).
     */
    public record Literal(String rule, String id, String title, String criterion, String method, String quantity,
                          String literal, int offset, int line, int column) {
        /** The requirement as people read it: {@code >= 12}, {@code >= 70%}, {@code rank <= 3}. */
        public String requirement() {
            String number = RuleCalls.number(literal);
            return switch (method) {
                case "shareAtLeast" -> ">= " + number + "%";
                case "withinQuota" -> "rank <= " + number;
                default -> ">= " + number;
            };
        }

        public int end() {
            return offset + literal.length();
        }
    }

    /** The change cannot be made as asked: the literal is not there, is not a number, is there twice, or the value is no number. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private static final Pattern CHECK = Pattern.compile("\\bCheck\\s*\\.\\s*(atLeast|shareAtLeast|withinQuota)\\s*\\(");
    private static final Pattern ANNOTATION = Pattern.compile("@(id|title|criterion)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    /** What a person may type: digits, at most one decimal point; no sign, no exponent, no suffix. */
    private static final Pattern VALUE = Pattern.compile("\\d{1,15}(?:\\.\\d{1,6})?");

    private ThresholdEdit() {}

    /** Every threshold literal of a criterion rule in a DRL file's text, in the order written. */
    public static List<Literal> find(String text) {
        DrlText drl = DrlText.of(text);
        String code = drl.code();
        List<RuleSources.Declaration> rules = RuleSources.declarations(text);
        List<Literal> found = new ArrayList<>();
        Matcher m = CHECK.matcher(drl.bare());
        while (m.find()) {
            int open = m.end() - 1;
            RuleCalls.Arguments call = RuleCalls.arguments(code, open);
            if (!call.closed()) continue; // no closing parenthesis: not a call to edit
            List<int[]> args = call.spans();
            String method = m.group(1);
            int index = method.equals("atLeast") ? 3 : 4;
            if (args.size() <= index) continue;
            int[] span = args.get(index);
            String literal = code.substring(span[0], span[1]);
            int line = DrlText.lineAt(text, span[0]);
            RuleSources.Declaration rule = null;
            for (RuleSources.Declaration d : rules) {
                if (d.line() <= line) rule = d;
            }
            if (rule == null) continue;
            String header = header(code, text, rule.line(), m.start());
            String id = annotation(header, "id");
            String criterion = annotation(header, "criterion");
            if (criterion == null) continue;
            int[] quantitySpan = args.get(method.equals("atLeast") ? 2 : 3);
            String quantity = (method.equals("shareAtLeast") ? "share of " : method.equals("withinQuota") ? "quota rank" : "")
                    + (method.equals("withinQuota") ? "" : RuleCalls.quantity(code.substring(quantitySpan[0], quantitySpan[1])));
            int lineStart = text.lastIndexOf('\n', span[0] - 1) + 1;
            found.add(new Literal(rule.rule(), id, annotation(header, "title"), criterion, method, quantity, literal, span[0], line,
                    span[0] - lineStart + 1));
        }
        return found;
    }

    /**
     * The text with the threshold of rule {@code id} on {@code line} rewritten from {@code expected} to
     * {@code value}; every other character as it was. Refused when the rule has no such literal there
     * (the file changed), when that argument is an expression and not a number, when two calls of the
     * rule on that line would match, or when {@code value} is not a plain number of the literal's kind.
     */
    public static String rewrite(String text, String id, int line, String expected, String value) throws Refused {
        List<Literal> matching = new ArrayList<>();
        for (Literal literal : find(text)) {
            if (literal.line() == line && id.equals(literal.id())) matching.add(literal);
        }
        if (matching.isEmpty()) {
            throw new Refused("rule " + id + " has no threshold on line " + line + " any more: the file changed; open it again");
        }
        if (matching.size() > 1) {
            throw new Refused("rule " + id + " has " + matching.size() + " thresholds on line " + line + ": edit it in the code editor");
        }
        Literal literal = matching.get(0);
        if (!RuleCalls.isNumber(literal.literal())) {
            throw new Refused("the threshold of rule " + id + " is the expression " + literal.literal()
                    + ", not a number: edit it in the code editor");
        }
        if (!literal.literal().equals(expected)) {
            throw new Refused("the threshold of rule " + id + " is " + literal.literal() + " now, not " + expected
                    + ": the file changed; open it again");
        }
        String written = written(literal.literal(), value);
        return text.substring(0, literal.offset()) + written + text.substring(literal.end());
    }

    /** {@code value} written as the literal it replaces is written: its suffix ({@code L}) kept. */
    static String written(String old, String value) throws Refused {
        String v = value == null ? "" : value.strip();
        if (!VALUE.matcher(v).matches()) {
            throw new Refused("\"" + value + "\" is not a number: write digits, with a point for a fraction (12, 62.5)");
        }
        String suffix = old.matches(".*[lLdDfF]$") ? old.substring(old.length() - 1) : "";
        boolean integral = !old.contains(".") && !suffix.matches("[dDfF]");
        if (integral && v.contains(".")) {
            throw new Refused("the threshold " + old + " is a whole number: write " + v.substring(0, v.indexOf('.')) + " or another whole number");
        }
        if (integral && suffix.isEmpty() && Long.parseLong(v) > Integer.MAX_VALUE) {
            throw new Refused(v + " is larger than the rule's number can hold");
        }
        return v + suffix;
    }

    /** The rule's header, from its {@code rule} line to the call, comments removed. */
    private static String header(String code, String text, int ruleLine, int callOffset) {
        int start = 0;
        for (int i = 1; i < ruleLine; i++) start = text.indexOf('\n', start) + 1;
        return code.substring(start, callOffset);
    }

    private static String annotation(String header, String name) {
        Matcher m = ANNOTATION.matcher(header);
        while (m.find()) {
            if (m.group(1).equals(name)) return m.group(2);
        }
        return null;
    }
}
