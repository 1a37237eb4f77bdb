package dvk.domain;

import java.util.Objects;

/**
 * The result of checking one criterion for one nomination. {@code title} is the title code the
 * criterion serves, or {@link #EVERY_TITLE} for eligibility. {@code rule} and {@code cite} are the
 * deciding rule's {@code @id} and {@code @cite}. {@code actual} and {@code required} are the values in
 * the data contract's words ({@code 70}, {@code >= 80}); {@code comparison} is the same as data (the
 * kind of comparison and its raw values), which a report writes in its reader's language.
 */
public record CriterionOutcome(
        String nominationId,
        String title,
        String criterion,
        boolean passed,
        String actual,
        String required,
        String rule,
        String cite,
        Comparison comparison) implements NominationFact {

    /** The title of eligibility criteria: they bind every title. */
    public static final String EVERY_TITLE = "*";

    public CriterionOutcome {
        if (comparison == null) comparison = new Comparison.AsWritten();
    }

    /** An outcome with its values in words only ({@link Comparison.AsWritten}). */
    public CriterionOutcome(String nominationId, String title, String criterion, boolean passed, String actual,
                            String required, String rule, String cite) {
        this(nominationId, title, criterion, passed, actual, required, rule, cite, new Comparison.AsWritten());
    }

    /** The one readable line of a failed (or passed) criterion: {@code min-score: 70, required >= 80}. */
    public String describe() {
        return criterion + ": " + actual + ", required " + required;
    }

    /**
     * Equal outcomes hash equal without hashing {@code actual}, {@code required} and
     * {@code comparison}: those are new for each outcome, and hashing them (truth maintenance hashes every outcome) showed in
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
