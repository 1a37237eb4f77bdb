package dvk.regression;

/** A fixture file that cannot be read or is not of the fixture format. */
public class FixtureException extends Exception {
    public FixtureException(String message) {
        super(message);
    }
}
