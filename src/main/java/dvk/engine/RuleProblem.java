package dvk.engine;

import java.util.List;

/**
 * One problem found in the rules: file (relative to the rules directory), line (0 if unknown), rule
 * (may be null), and the message as found. A problem in a rule file's text may also say where on
 * the line ({@code column}, 1-based, 0 if unknown), carry that line ({@code source}, to show with a
 * caret) and say what is wrong in words for people ({@code said}: keys of the words bundles with
 * their values, in the order they are read), in place of the compiler's own message.
 */
public record RuleProblem(String file, int line, int column, String rule, String message, String source, List<Said> said) {

    /** Words for people: a key of the words bundles ({@code rules.compile.missingEnd}) and its values. */
    public record Said(String key, List<String> args) {
        public Said {
            args = List.copyOf(args);
        }

        public static Said of(String key, Object... args) {
            return new Said(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    public RuleProblem {
        said = said == null ? List.of() : List.copyOf(said);
    }

    public RuleProblem(String file, int line, String rule, String message) {
        this(file, line, 0, rule, message, null, List.of());
    }

    /** The same problem with its file named under {@code directory}. */
    public RuleProblem under(String directory) {
        return new RuleProblem(file.isEmpty() ? directory : directory + "/" + file, line, column, rule, message, source, said);
    }

    /** {@code rules/2024-2025/district-model.drl:23:5 rule "district-model: score"}. */
    public String where() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) text.append(':').append(line);
        if (line > 0 && column > 0) text.append(':').append(column);
        if (rule != null) text.append(" rule \"").append(rule).append('"');
        return text.toString();
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
