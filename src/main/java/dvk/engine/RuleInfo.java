package dvk.engine;

/**
 * What a rule declares about itself in its metadata. {@code title}/{@code criterion} are set on
 * criterion rules, {@code awards} on award rules, {@code withholds} on rules withholding a title.
 * {@code order} is its position across the rule files (files by name, rules by line), used to list
 * reasons in the order staff wrote them. {@code coverage} is what a criterion rule's {@code @coverage}
 * says the fixtures can see of it ({@code passes only: …} for a criterion no decided nomination can
 * fail), or null.
 */
public record RuleInfo(String name, String id, String cite, String title, String criterion, String awards,
                       String withholds, String file, int line, int order, String coverage) {
    /** {@code @coverage} of a criterion that no decided nomination can fail. */
    public static final String PASSES_ONLY = "passes only";
    /** {@code @coverage} of a criterion that no decided nomination can pass. */
    public static final String FAILS_ONLY = "fails only";

    /** Whether the fixtures can be expected to see the criterion pass (and, below, fail). */
    public boolean canPass() {
        return coverage == null || !coverage.startsWith(FAILS_ONLY);
    }

    public boolean canFail() {
        return coverage == null || !coverage.startsWith(PASSES_ONLY);
    }
}
