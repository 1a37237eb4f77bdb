package dvk.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A DRL file's text as the lints read it: comments blanked out, and string literals either kept
 * ({@link #code()}) or blanked too ({@link #bare()}), so that a word inside a citation or a rule
 * name is never taken for code. Blanking keeps every character's line, so findings keep their line.
 */
public final class DrlText {
    private final String code;
    private final String bare;
    private final List<Literal> strings;

    /** A string literal's content and 1-based line. */
    public record Literal(String value, int line) {}

    private DrlText(String code, String bare, List<Literal> strings) {
        this.code = code;
        this.bare = bare;
        this.strings = List.copyOf(strings);
    }

    public static DrlText of(String text) {
        StringBuilder code = new StringBuilder(text.length());
        StringBuilder bare = new StringBuilder(text.length());
        List<Literal> strings = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    code.append(' ');
                    bare.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    char blank = text.charAt(i) == '\n' ? '\n' : ' ';
                    if (blank == '\n') line++;
                    code.append(blank);
                    bare.append(blank);
                }
            } else if (c == '"' || c == '\'') {
                int start = i;
                int startLine = line;
                StringBuilder value = new StringBuilder();
                i++;
                // a DRL string may span lines (Drools reads it so): ending it at a line break would
                // read the code after it as the inside of a string
                while (i < text.length() && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        if (text.charAt(i + 1) == '\n') line++;
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        if (text.charAt(i) == '\n') line++;
                        value.append(text.charAt(i++));
                    }
                }
                if (i < text.length() && text.charAt(i) == c) i++;
                String literal = text.substring(start, i);
                code.append(literal);
                bare.append(c);
                for (int k = 1; k < literal.length() - 1; k++) bare.append(literal.charAt(k) == '\n' ? '\n' : ' ');
                if (literal.length() > 1 && literal.charAt(literal.length() - 1) == c) bare.append(c);
                else if (literal.length() > 1) bare.append(literal.charAt(literal.length() - 1) == '\n' ? '\n' : ' ');
                strings.add(new Literal(value.toString(), startLine));
            } else {
                if (c == '\n') line++;
                code.append(c);
                bare.append(c);
                i++;
            }
        }
        return new DrlText(code.toString(), bare.toString(), strings);
    }

    /** Without comments; string literals kept. */
    public String code() {
        return code;
    }

    /** Without comments or the contents of string literals. */
    public String bare() {
        return bare;
    }

    public List<Literal> strings() {
        return strings;
    }

    /** 1-based line of a character offset in {@code text} (blanking keeps offsets, so any view will do). */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** The text of lines {@code from} to {@code to} (1-based, inclusive) of {@code view}. */
    public static String lines(String view, int from, int to) {
        String[] all = view.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(1, from); i <= Math.min(to, all.length); i++) {
            out.append(all[i - 1]).append('\n');
        }
        return out.toString();
    }

    /** The last line of the rule starting at {@code start}: its {@code end} line, or the file's last line. */
    public int endOfRule(int start) {
        String[] all = bare.split("\n", -1);
        for (int i = start; i < all.length; i++) {
            if (all[i].strip().equals("end")) return i + 1;
        }
        return all.length;
    }
}
