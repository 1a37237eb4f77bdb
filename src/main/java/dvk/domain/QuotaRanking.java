package dvk.domain;

import java.util.Map;
import java.util.Set;

/**
 * The places of one quota group's candidates, ranked once for the whole group: a candidate reads
 * its place here instead of counting the candidates above it. {@code places} maps each
 * candidate's nomination id to its place, from 1.
 */
public record QuotaRanking(String title, String district, Map<String, Integer> places) {
    public QuotaRanking {
        places = Map.copyOf(places);
    }

    /**
     * The nomination ids of the candidates it ranks. A ranking made before a candidate joined its
     * group does not hold it: rules read a place only from a ranking that holds the candidate.
     */
    public Set<String> candidates() {
        return places.keySet();
    }

    /** The candidate's place, from 1. */
    public int placeOf(String nominationId) {
        Integer place = places.get(nominationId);
        if (place == null) throw new IllegalArgumentException(nominationId + " is not ranked in " + district);
        return place;
    }
}
