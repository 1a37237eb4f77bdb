package dvk.report;

import java.util.List;

/**
 * A nomination's card in the decisions report: who it is, its score and its parts, each title
 * awarded with the rule and the regulation it rests on, the eligibility criteria it failed (once:
 * they bind every title), and for each title missed the failed criteria of that title with the
 * actual and required values in words. {@code field}, {@code since} and {@code score} are null where
 * the nomination has none (a work has no score); {@code sinceLabel} says whether {@code since} is a
 * start (model) or a completion (work).
 */
public record CardView(String id, String anchor, String name, boolean awarded, String typeName,
                       String field, String district, String commune, String sponsor, String sinceLabel, String since,
                       Integer score, List<Part> parts, List<AwardView> awards, List<Failed> ineligible,
                       List<MissedView> missed) {

    /** A score component: its name where the bundle has one (else its code), its code, its points. */
    public record Part(String name, String component, int points) {}

    /** A title awarded; {@code level} is null when the rule set does not know the title. */
    public record AwardView(String title, String colour, String name, String level, String rule, String cite) {}

    /**
     * A title missed, with the failed criteria of that title; none when it was missed for the
     * eligibility criteria alone, which the card lists once under {@link #ineligible}.
     */
    public record MissedView(String title, String name, List<Failed> failed) {
        public Failed criterion(String criterion) {
            return failed.stream().filter(f -> f.criterion().equals(criterion)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(title + " did not fail " + criterion));
        }
    }

    /** A failed criterion: its code and name, the actual and required values in words, its rule and citation. */
    public record Failed(String criterion, String name, String actual, String required, String rule, String cite) {}

    public AwardView award(String title) {
        return awards.stream().filter(a -> a.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " holds no " + title));
    }

    public MissedView missed(String title) {
        return missed.stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " did not miss " + title));
    }

    /**
     * The HTML id of a nomination's card: {@code card-} and the id, any character but letters, digits
     * and {@code -} as {@code _hex_}, so that an id makes a valid, unique anchor whatever it holds.
     */
    public static String anchor(String nominationId) {
        StringBuilder id = new StringBuilder("card-");
        nominationId.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                id.appendCodePoint(c);
            } else {
                id.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return id.toString();
    }
}
