package dvk.engine.sandbox;

/**
 * Something compiled rule code may not do. {@code rule} names the rule whose code it is, or
 * {@code function} the DRL function (either may be null); {@code word} is what the rule's text
 * would show at that place (a method's simple name), so that the line can be found.
 */
public record Finding(String rule, String function, String word, String message) {}
