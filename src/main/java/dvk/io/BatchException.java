package dvk.io;

/** The batch as a whole cannot be read (not JSON/CSV, no year, unknown top-level field or column…). */
public class BatchException extends Exception {
    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
