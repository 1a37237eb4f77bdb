package dvk.engine;

import dvk.domain.Decision;
import dvk.domain.RejectedRecord;
import java.util.List;

/** The result of evaluating a batch: decisions in input order and the rejected records. */
public record Evaluation(int year, RuleSet rules, List<Decision> decisions, List<RejectedRecord> rejected) {
    public Evaluation {
        decisions = List.copyOf(decisions);
        rejected = List.copyOf(rejected);
    }

    public int records() {
        return decisions.size() + rejected.size();
    }

    public long count(String title) {
        return decisions.stream().filter(d -> d.holds(title)).count();
    }
}
