package dvk.report.papers;

import dvk.domain.Award;
import dvk.domain.Decision;
import dvk.domain.Kind;
import dvk.domain.Nomination;
import dvk.domain.NominationType;

/**
 * One row of a list of awards: a nomination that holds the title, as the lists show it, and the
 * citation of the rule that awarded it. {@code score} is null for works, which have none.
 */
public record Awardee(String id, String name, NominationType type, Kind kind, String sponsor, String commune,
                      String district, String city, Integer score, String cite) {

    static Awardee of(Decision decision, Award award) {
        Nomination n = decision.nomination();
        return new Awardee(n.id(), n.name(), n.type(), n.kind(), n.sponsor(), n.commune(), n.district(), n.city(),
                decision.score() == null ? null : decision.score().total(), award.cite());
    }

    /** {@code COLLECTIVE}, {@code INDIVIDUAL}, or {@code WORK}: how the lists count it. */
    String kindKey() {
        return type == NominationType.WORK || kind == null ? "WORK" : kind.name();
    }
}
