package dvk.cli;

/** The exit codes every dvk command shares. */
public final class ExitCodes {
    public static final int OK = 0;
    /** {@code verify}: a fixture does not hold; {@code check --strict}: warnings; {@code diff --fail-on-change}. */
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int REJECTED_RECORDS = 3;
    public static final int RULES = 4;

    private ExitCodes() {}
}
