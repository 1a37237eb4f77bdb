package dvk.engine.sandbox;

/** The words for constructs rule code may not have, whatever it calls. */
final class Refusal {
    static final String LOOP = "a loop (rule code runs once per match; loops belong in dvk.engine.rulekit)";
    static final String MONITOR = "a synchronized block";
    static final String CONSTANT = "a method handle or dynamic constant";

    private Refusal() {}

    static String caught(String type) {
        return type == null
                ? "a finally block or a catch of everything"
                : "a catch of " + type.replace('/', '.') + " (only exceptions, not errors, may be caught)";
    }

    static String bootstrap(String name) {
        return "an invokedynamic through " + name;
    }
}
