package dvk.engine;

import dvk.domain.Batch;
import dvk.domain.Decision;
import dvk.domain.Indexed;
import dvk.domain.Nomination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Evaluates a batch: each district's nominations in a session of their own (the quota needs them
 * together), districts in parallel on {@code threads} threads, decisions merged back in input order.
 */
public final class Evaluator {
    private final RuleSet rules;
    private final int threads;
    private final boolean anyYear;

    private Evaluator(RuleSet rules, int threads, boolean anyYear) {
        this.rules = rules;
        this.threads = Math.max(1, threads);
        this.anyYear = anyYear;
    }

    public Evaluator(RuleSet rules, int threads) {
        this(rules, threads, false);
    }

    public Evaluator(RuleSet rules) {
        this(rules, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The same evaluator, evaluating batches of years its rule set does not declare: a what-if
     * ("what would last year's nominations get under the new rules?"), never a real decision.
     */
    public Evaluator whatIf() {
        return new Evaluator(rules, threads, true);
    }

    /** @throws YearNotCoveredException when the rule set does not apply to the batch's year (unless a what-if) */
    public Evaluation evaluate(Batch batch) {
        return evaluate(batch, Progress.NONE);
    }

    /** Evaluates, telling {@code progress} as each district's records are decided (rejected ones count at once). */
    public Evaluation evaluate(Batch batch, Progress progress) {
        if (!anyYear && !rules.years().includes(batch.year())) {
            throw new YearNotCoveredException(rules, batch.year());
        }
        Map<String, List<Indexed<Nomination>>> byDistrict = new LinkedHashMap<>();
        for (Indexed<Nomination> n : batch.accepted()) {
            byDistrict.computeIfAbsent(n.value().district(), d -> new ArrayList<>()).add(n);
        }
        progress.decided(batch.rejected().size());
        DecisionAssembler assembler = new DecisionAssembler(rules);
        List<Decision> decisions = new ArrayList<>(batch.accepted().size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, byDistrict.size())), r -> {
            Thread t = new Thread(r, "dvk-district");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<Decision>>> futures = new ArrayList<>();
            for (Map.Entry<String, List<Indexed<Nomination>>> district : byDistrict.entrySet()) {
                futures.add(pool.submit(() -> {
                    Map<String, SessionFacts> facts = DistrictSession.evaluate(
                            rules, batch.year(), district.getKey(), district.getValue());
                    List<Decision> decided = district.getValue().stream()
                            .map(n -> assembler.assemble(n, facts.getOrDefault(n.value().id(), SessionFacts.none())))
                            .toList();
                    progress.decided(decided.size());
                    return decided;
                }));
            }
            for (Future<List<Decision>> future : futures) {
                decisions.addAll(future.get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuleFailure failure) throw failure;
            throw new RuleFailure("?", "evaluation failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleFailure("?", "evaluation interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        decisions.sort(Comparator.comparingInt(Decision::index));
        return new Evaluation(batch.year(), rules, decisions, batch.rejected());
    }
}
