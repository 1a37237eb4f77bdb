package dvk.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls a rule makes, read from its code: {@code Check.atLeast(kcontext, $n.id(), $m.months(), 12)}
 * becomes method {@code atLeast} with its arguments as written. Lints and the rule catalog read
 * thresholds from here, so both see exactly what the rule file says.
 */
public final class RuleCalls {
    /** One call: {@code Owner.method(args…)}, with the 1-based line it starts on. */
    public record Call(String owner, String method, List<String> args, int line) {
        public String arg(int i) {
            return i < args.size() ? args.get(i) : "";
        }
    }

    private static final Pattern CALL = Pattern.compile("\\b(Check|ScorePart|Band|Rank)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern NEED = Pattern.compile("\\.\\s*need\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d[\\d_]*(?:\\.\\d+)?[lLdDfF]?$");

    private RuleCalls() {}

    /** Calls of the rule kit (checks, rankings) and score bands in {@code code} (comments removed, strings kept). */
    public static List<Call> in(String code, int firstLine) {
        List<Call> calls = new ArrayList<>();
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            List<String> args = arguments(code, m.end() - 1).spans().stream().map(span -> code.substring(span[0], span[1])).toList();
            int line = firstLine - 1 + DrlText.lineAt(code, m.start());
            calls.add(new Call(m.group(1), m.group(2), args, line));
        }
        return calls;
    }

    /** The documents a {@code Check.documents(…).need("report", …)} chain requires. */
    public static List<String> documentsNeeded(String code) {
        List<String> needed = new ArrayList<>();
        Matcher m = NEED.matcher(code);
        while (m.find()) needed.add(m.group(1));
        return needed;
    }

    public static boolean isNumber(String expression) {
        return NUMBER.matcher(expression.strip()).matches();
    }

    /** A numeric literal's digits: {@code 50_000_000L} → {@code 50000000}. */
    static String digits(String literal) {
        return literal.strip().replace("_", "").replaceAll("[lLdDfF]$", "");
    }

    /** A numeric literal's value, to compare literals written differently ({@code 70}, {@code 70L}). */
    static BigDecimal value(String literal) {
        return new BigDecimal(digits(literal));
    }

    /** A numeric literal as people write it: {@code 50_000_000} → {@code 50,000,000}. */
    public static String number(String literal) {
        String digits = digits(literal);
        if (digits.contains(".")) return digits;
        try {
            return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    /** What a quantity expression reads, without variables and call parentheses: {@code $m.months()} → {@code months}. */
    public static String quantity(String expression) {
        String e = expression.strip().replaceAll("\\s+", "");
        e = e.replaceAll("\\$\\w+\\.", "").replace("()", "");
        return e;
    }

    /** A year expression relative to the evaluation year: {@code $y - 3} → {@code Y-3}. */
    public static String year(String expression) {
        String e = expression.strip().replaceAll("\\s+", "");
        return e.replaceAll("^\\$\\w*[yY]\\w*", "Y");
    }

    /**
     * A call's arguments as offsets into {@code code}, the call's "(" at {@code open}: each span
     * {@code [start, end)} without the blanks around it; commas inside strings and nested brackets
     * do not split. {@code closed} is false when the code ends before the call does (the spans then
     * run to its end).
     */
    record Arguments(List<int[]> spans, boolean closed) {}

    static Arguments arguments(String code, int open) {
        List<int[]> spans = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = open + 1;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) return new Arguments(last(code, open, start, i, spans), true);
            } else if (c == ',' && depth == 1) {
                spans.add(trimmed(code, start, i));
                start = i + 1;
            }
        }
        return new Arguments(last(code, open, start, code.length(), spans), false);
    }

    /** The spans with the last argument, ending at {@code end}; none for a call without arguments. */
    private static List<int[]> last(String code, int open, int start, int end, List<int[]> spans) {
        if (!code.substring(open + 1, end).isBlank()) spans.add(trimmed(code, start, end));
        return spans;
    }

    private static int[] trimmed(String code, int start, int end) {
        while (start < end && Character.isWhitespace(code.charAt(start))) start++;
        while (end > start && Character.isWhitespace(code.charAt(end - 1))) end--;
        return new int[] {start, end};
    }
}
