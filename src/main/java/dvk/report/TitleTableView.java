package dvk.report;

import java.util.List;

/**
 * One title's part of the meeting layout: the nominations awarded it, then its near misses, the
 * nominations that failed exactly one of its criteria, each with that criterion's actual and
 * required values. Both lists run by district (Vietnamese order), then by score from the highest,
 * then in input order, and are numbered from 1. {@code scored} when the title is for models, which
 * have a score (works have none).
 */
public record TitleTableView(String code, String name, String level, String colour, boolean scored,
                             List<Entry> awardees, List<NearMiss> nearMisses) {

    /**
     * A nomination in the table: {@code anchor} is its card's, null when the page has no card for it;
     * {@code score} is empty for a work; {@code provisional} when the title is a quota's whose ranking in
     * the district a rejected record could still change.
     */
    public record Entry(int number, String id, String anchor, String name, String district, String commune, String score,
                        boolean provisional) {}

    /** A nomination that missed the title on one criterion only. */
    public record NearMiss(Entry nomination, String criterion, String criterionName, String actual, String required) {}

    public NearMiss nearMiss(String id) {
        return nearMisses.stream().filter(n -> n.nomination().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " is no near miss of " + code));
    }
}
