package dvk.domain;

import java.util.Objects;

/**
 * The result of checking one criterion for one nomination. {@code title} is the title code the
 * criterion serves, or {@link #EVERY_TITLE} for eligibility. {@code rule} and {@code cite} are the
 * deciding rule's {@code @id} and {@code @cite}.
 */
public record CriterionOutcome(
        String nominationId,
        String title,
        String criterion,
        boolean passed,
        String actual,
        String required,
        String rule,
        String cite) implements NominationFact {

    /** The title of eligibility criteria: they bind every title. */
    public static final String EVERY_TITLE = "*";

    /** The one readable line of a failed (or passed) criterion: {@code min-score: 70, required >= 80}. */
    public String describe() {
        return criterion + ": " + actual + ", required " + required;
    }

    /**
     * Equal outcomes hash equal without hashing {@code actual} and {@code required}: those are new
     * strings for each outcome, and hashing them (truth maintenance hashes every outcome) showed in
     * the profile.
     */
    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Objects.hashCode(nominationId) + Objects.hashCode(rule)) + Objects.hashCode(criterion))
                + Objects.hashCode(title) + (passed ? 1 : 0);
    }

    public boolean appliesTo(String titleCode) {
        return title.equals(EVERY_TITLE) || title.equals(titleCode);
    }
}
