package dvk.engine;

import dvk.domain.Award;
import dvk.domain.CriterionOutcome;
import dvk.domain.QuotaCandidate;
import dvk.domain.Score;
import dvk.domain.Superseded;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The facts the rules derived for one nomination, as they stand when the session settles. */
record SessionFacts(List<Score> scores, List<Award> awards, List<CriterionOutcome> outcomes, List<Superseded> superseded,
                    List<QuotaCandidate> quotaCandidates) {

    static Map<String, SessionFacts> collect(Collection<?> objects) {
        Map<String, SessionFacts> byNomination = new HashMap<>();
        for (Object o : objects) {
            if (o instanceof Score s) {
                of(byNomination, s.nominationId()).scores.add(s);
            } else if (o instanceof Award a) {
                of(byNomination, a.nominationId()).awards.add(a);
            } else if (o instanceof CriterionOutcome c) {
                of(byNomination, c.nominationId()).outcomes.add(c);
            } else if (o instanceof Superseded s) {
                of(byNomination, s.nominationId()).superseded.add(s);
            } else if (o instanceof QuotaCandidate q) {
                of(byNomination, q.nominationId()).quotaCandidates.add(q);
            }
        }
        return byNomination;
    }

    static SessionFacts none() {
        return new SessionFacts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static SessionFacts of(Map<String, SessionFacts> map, String id) {
        return map.computeIfAbsent(id, k -> none());
    }
}
