package dvk.domain;

import java.math.BigDecimal;

/** A score band: reaching {@code atLeast} earns {@code points}. */
public record Band(BigDecimal atLeast, int points) {
    public static Band of(long atLeast, int points) {
        return new Band(BigDecimal.valueOf(atLeast), points);
    }
}
