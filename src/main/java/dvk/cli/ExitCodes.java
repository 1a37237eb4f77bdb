package dvk.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes every dvk command shares, declared once: every command's {@code --help} lists them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** {@code verify}: a fixture does not hold; {@code check --strict}: warnings; {@code bench}: outputs differ. */
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int REJECTED_RECORDS = 3;
    public static final int RULES = 4;
    /** A bug of dvk: an exception no command expected. */
    public static final int INTERNAL_ERROR = 5;

    private ExitCodes() {}

    /** Each code with its meaning, as {@code --help} shows them. */
    static Map<String, String> described() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "done: every record decided, every fixture holds, the rules are clean");
        codes.put(" " + FINDINGS, "findings: a fixture does not hold (verify), warnings with --strict (check),"
                + " outputs that differ between thread counts (bench)");
        codes.put(" " + USAGE, "usage error, an input that cannot be read (a batch broken midway stops the run), an --out"
                + " refused before the run, or an output that cannot be written; nothing is written");
        codes.put(" " + REJECTED_RECORDS, "evaluated, but some records were rejected; they are listed in the output");
        codes.put(" " + RULES, "the rules cannot be used (they do not compile, break what a rule may do, cover no such"
                + " year) or a rule failed while evaluating (threw, looped, ran past --rule-timeout, filled the heap);"
                + " nothing is written");
        codes.put(" " + INTERNAL_ERROR, "internal error: a bug of dvk, in one line on stderr");
        return codes;
    }
}
