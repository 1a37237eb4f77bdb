package dvk.engine;

import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Keeps every result in memory, for outputs that need the whole batch at once (HTML, XLSX, diffs). */
public final class EvaluationCollector implements DecisionListener<Decision> {
    private final List<Decision> decisions = new ArrayList<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private List<ProvisionalQuota> provisional = List.of();

    @Override
    public Decision prepare(Decision decision) {
        return decision;
    }

    @Override
    public void decided(Decision decision, Decision prepared) {
        decisions.add(decision);
    }

    @Override
    public void pending(int index, Nomination nomination) {}

    @Override
    public void rejected(RejectedRecord record) {
        rejected.add(record);
    }

    @Override
    public void resolved(Decision decision, Decision prepared) {
        decisions.add(decision);
    }

    @Override
    public void provisional(List<ProvisionalQuota> districts) {
        provisional = List.copyOf(districts);
    }

    public Evaluation evaluation(int year, RuleSet rules) {
        return evaluation(year, rules, List.of());
    }

    /** The evaluation, with what reading the batch warned of. */
    public Evaluation evaluation(int year, RuleSet rules, List<Warning> warnings) {
        List<Decision> inOrder = new ArrayList<>(decisions);
        inOrder.sort(Comparator.comparingInt(Decision::index));
        return new Evaluation(year, rules, inOrder, rejected, warnings, provisional);
    }
}
