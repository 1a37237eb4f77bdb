package dvk.engine;

import dvk.domain.Decision;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.Warning;
import java.util.List;
import java.util.Optional;

/**
 * The result of evaluating a batch: decisions in input order and the rejected records; the
 * warnings of reading the batch (two spellings of a district counted as one); and the districts
 * whose quota decisions are provisional, since a rejected record could change their ranking.
 */
public record Evaluation(int year, RuleSet rules, List<Decision> decisions, List<RejectedRecord> rejected,
                         List<Warning> warnings, List<ProvisionalQuota> provisional) {
    public Evaluation {
        decisions = List.copyOf(decisions);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        provisional = List.copyOf(provisional);
    }

    public Evaluation(int year, RuleSet rules, List<Decision> decisions, List<RejectedRecord> rejected) {
        this(year, rules, decisions, rejected, List.of(), List.of());
    }

    public int records() {
        return decisions.size() + rejected.size();
    }

    public long count(String title) {
        return decisions.stream().filter(d -> d.holds(title)).count();
    }

    /** The provisional quota a decision's titles depend on, if any: its district's, for a title it was ranked for. */
    public Optional<ProvisionalQuota> provisional(Decision decision) {
        return provisional(provisional, decision);
    }

    /** The same, among {@code districts}. */
    public static Optional<ProvisionalQuota> provisional(List<ProvisionalQuota> districts, Decision decision) {
        for (ProvisionalQuota p : districts) {
            if (p.district().equals(decision.nomination().district()) && decision.quotaTitles().contains(p.title())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
