package dvk.regression;

/**
 * One difference between a fixture's expectation and what the rules decided. {@code kind} says
 * which part of the expectation differs, and so whether the rules' decision can replace it
 * ({@code dvk verify --update}).
 */
public record Mismatch(String fixture, String nomination, String title, String expected, String got, String reasons,
                       Kind kind) {

    /** What differs. */
    public enum Kind {
        /** a title awarded where the fixture expects it not to be, or the other way round */
        AWARD,
        /** the failed criteria of a title the fixture names */
        FAILED,
        /** the score */
        SCORE,
        /** a nomination expected to be decided that was rejected, or is not in the batch */
        NOT_DECIDED,
        /** a record expected to be rejected, or rejected on other fields */
        REJECTION,
        /** a record of the batch the fixture expects nothing of */
        NO_EXPECTATION;

        /** Whether the rules' decision settles it: the input and the validation settle the others. */
        public boolean decidedByTheRules() {
            return this == AWARD || this == FAILED || this == SCORE;
        }
    }

    @Override
    public String toString() {
        return fixture + "  " + nomination + "  " + title + "  expected: " + expected + "  got: " + got
                + (reasons == null || reasons.isEmpty() ? "" : "  (" + reasons + ")");
    }
}
