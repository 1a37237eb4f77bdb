package dvk.engine;

import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import java.util.List;

/**
 * Receives a batch's results as they are made. {@link #prepare} runs on the evaluating threads (so
 * rendering a decision into output bytes is spread over the cores too) and must be thread-safe; the
 * other methods are called on the thread that called {@link Evaluator#stream}, in input order, except
 * that a nomination whose title depends on the district quota is first {@link #pending} and its
 * decision comes in {@link #resolved} once every record has been read, district by district (not in
 * input order: the decision carries its index).
 *
 * @param <R> what a decision is prepared into: its bytes in some output format, or the decision itself
 */
public interface DecisionListener<R> {
    R prepare(Decision decision);

    void decided(Decision decision, R prepared);

    /** Its decision waits for the quota: all of its district's candidates must have been read. */
    void pending(int index, Nomination nomination);

    void rejected(RejectedRecord rejected);

    /** The decision of a pending nomination, after the last record; district by district, not in input order. */
    void resolved(Decision decision, R prepared);

    /**
     * The districts whose quota ranking a rejected record could change, told once every record has
     * been read and before the first {@link #resolved} decision (which {@link #prepare} may then mark).
     */
    default void provisional(List<ProvisionalQuota> districts) {}
}
