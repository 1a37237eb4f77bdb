package dvk.app;

/** Stands in for a child that prints the names of its environment variables and fails. */
public final class EnvironmentDraft {
    public static void main(String[] args) {
        System.err.println("environment: " + String.join(",", new java.util.TreeSet<>(System.getenv().keySet())));
        System.exit(1);
    }
}
