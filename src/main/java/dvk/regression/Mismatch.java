package dvk.regression;

/** One difference between a fixture's expectation and what the rules decided. */
public record Mismatch(String fixture, String nomination, String title, String expected, String got, String reasons) {

    @Override
    public String toString() {
        return fixture + "  " + nomination + "  " + title + "  expected: " + expected + "  got: " + got
                + (reasons == null || reasons.isEmpty() ? "" : "  (" + reasons + ")");
    }
}
