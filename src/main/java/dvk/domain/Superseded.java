package dvk.domain;

/**
 * A title a nomination does not get because it holds a higher one that excludes it (one sign
 * per work); a superseded title is not listed under why-not.
 */
public record Superseded(String nominationId, String title, String by) implements NominationFact {}
