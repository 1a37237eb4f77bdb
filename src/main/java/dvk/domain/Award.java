package dvk.domain;

/** A title awarded to a nomination by the rule {@code rule} (its {@code @id}). */
public record Award(String nominationId, String title, String rule, String cite) implements NominationFact {}
