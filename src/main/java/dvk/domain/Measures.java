package dvk.domain;

import java.math.BigInteger;

/** Quantities derived from a nomination by the measure rules; money is exact. */
public record Measures(String nominationId, long months, BigInteger resourcesVnd) implements NominationFact {}
