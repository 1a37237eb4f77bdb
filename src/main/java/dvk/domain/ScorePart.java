package dvk.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;

/** The points one score component earns: those of the highest band reached, else 0. */
public record ScorePart(String nominationId, String component, int points) implements NominationFact {

    public static ScorePart highestBand(String nominationId, String component, Number actual, Band... bands) {
        BigDecimal value = Numbers.toBigDecimal(actual);
        int points = Arrays.stream(bands)
                .filter(band -> value.compareTo(band.atLeast()) >= 0)
                .max(Comparator.comparing(Band::atLeast))
                .map(Band::points)
                .orElse(0);
        return new ScorePart(nominationId, component, points);
    }
}
