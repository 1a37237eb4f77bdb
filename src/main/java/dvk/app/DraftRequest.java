package dvk.app;

/**
 * What the child process that evaluates a draft is asked, written as {@code request.json} in its
 * job directory beside the files it works on: {@code library/} (every rule set, the edited one as
 * drafted), and for an impact {@code base/} (the rule set that decided the round), the round's
 * input file, and {@code fixtures/} (its {@code regression/} run, beside the samples they read).
 *
 * @param mode        {@code check}: compile and lint the library and read the edited set's catalog;
 *                    {@code impact}: that, then the draft's impact on the input and the fixtures' run and coverage
 * @param ruleSet     the edited rule set's directory name under {@code library/}
 * @param language    {@code vi} or {@code en}: the language of the impact and coverage words
 * @param input       the input file's name in the job directory (impact only)
 * @param inputShown  how the impact names the input (the round and its version)
 * @param baseShown   how the impact names the rule set that decided the round
 */
public record DraftRequest(String mode, String ruleSet, String language, String input, String inputShown, String baseShown,
                           long ruleTimeoutMillis) {
    public static final String CHECK = "check";
    public static final String IMPACT = "impact";
    public static final String FILE = "request.json";
    public static final String LIBRARY = "library";
    public static final String BASE = "base";
    public static final String FIXTURES = "fixtures";
}
