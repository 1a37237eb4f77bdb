package dvk.testing;

/** Builds a fact for a rule test, so that a test changes only the fields it is about. */
public interface FactBuilder {
    Object build();
}
