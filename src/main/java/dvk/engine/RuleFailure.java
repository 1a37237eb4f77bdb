package dvk.engine;

/**
 * A rule misbehaved while evaluating (threw, or fired past the session's cap): the evaluation is
 * abandoned, because a partial decision is worse than none.
 */
public class RuleFailure extends RuntimeException {
    private final String rule;

    public RuleFailure(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
