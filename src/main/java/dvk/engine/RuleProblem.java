package dvk.engine;

/** One problem found in the rules: file (relative to the rules directory), line (0 if unknown), rule (may be null). */
public record RuleProblem(String file, int line, String rule, String message) {

    /** The same problem with its file named under {@code directory}. */
    public RuleProblem under(String directory) {
        return new RuleProblem(file.isEmpty() ? directory : directory + "/" + file, line, rule, message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) text.append(':').append(line);
        if (rule != null) text.append(" rule \"").append(rule).append('"');
        return text.append(": ").append(message).toString();
    }
}
